import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('ANPA slugs of the Superdesk corpus', () => {
  it.each([
    ['anpa/anpa-1.tst', 'Argentina-Cancer'],
    ['anpa/ap_anpa-2.tst', 'BBO--BaseballExpanded'],
    ['anpa/ap_anpa-6.tst', 'BBO--WildCardGlance'],
    ['anpa/ap_anpa-7.tst', '10ThingstoKnow-Today'],
  ])('%s has the slug %s', (file, slug) => {
    expect(parseSuperdeskFile(file)[0].wire.slug).toBe(slug);
  });
});

describe('an ANPA table of the Superdesk corpus (anpa/ap_anpa-2.tst)', () => {
  // Superdesk renders the table-row code (TLI, 0x08) as the text "%08Baltimore;…"; the code marks a row, it is no text.
  const [item] = parseSuperdeskFile('anpa/ap_anpa-2.tst');
  const texts = item.body.map((block) => block.text);

  it('keeps each row as a block with its cells', () => {
    expect(texts).toContain('Baltimore;23;13;.639;_;_;8-2;L-1;16-6;7-7');
    expect(texts.indexOf('Boston;24;14;.632;_;_;7-3;W-2;14-8;10-6')).toBe(texts.indexOf('Baltimore;23;13;.639;_;_;8-2;L-1;16-6;7-7') + 1);
    // The space-band code (0x10) inside a team name is a space.
    expect(texts).toContain('Tampa Bay;17;19;.472;6;3{;5-5;W-1;10-11;7-8');
    expect(texts.join('\n')).not.toMatch(/%08|[\u0000-\u0008\u0010]/);
  });
});
