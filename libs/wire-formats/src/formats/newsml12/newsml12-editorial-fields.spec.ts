import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('NewsML 1.2 editorial metadata', () => {
  it('reads AFP: keyword properties, genres and the usage type', () => {
    const [item] = parseSuperdeskFile('newsml12/afp.xml');
    expect(item.keywords).toEqual(['Sweden', 'China', 'auto', 'business', 'bankruptcy', 'Saab']);
    expect(item.genres).toEqual([{ code: 'business' }, { code: 'bankruptcy' }]);
    expect(item.usageTerms).toBe('NO ARCHIVAL USE');
  });
});
