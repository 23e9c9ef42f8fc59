import { parseManifestKey } from './manifest-key';

describe('parseManifestKey', () => {
  it('reads entry prefixes, list indexes and operators', () => {
    expect(parseManifestKey('[1].associations.featuremedia.type')).toMatchObject({
      entry: { kind: 'index', index: 1 },
      field: 'associations.featuremedia.type',
      operator: '',
    });
    expect(parseManifestKey('anpa_category[0].qcode')).toMatchObject({ entry: { kind: 'single' }, field: 'anpa_category[n].qcode', indexes: [0] });
    expect(parseManifestKey('items__len_min')).toMatchObject({ field: 'items', operator: 'len_min' });
    expect(parseManifestKey('body_html__contains_normalized_ws')).toMatchObject({ field: 'body_html', operator: 'contains_normalized_ws' });
    expect(parseManifestKey('*.versioncreated__present')).toMatchObject({ entry: { kind: 'every' }, field: 'versioncreated', operator: 'present' });
    expect(parseManifestKey('picture_2.headline')).toMatchObject({ entry: { kind: 'named', role: 'picture', index: 1 }, field: 'headline' });
    expect(parseManifestKey('fixture_literal__contains')).toMatchObject({ field: 'fixture_literal', operator: 'contains' });
  });
});
