import { parseSuperdeskFile } from '../../../testing/superdesk-corpus';

describe('IPTC 7901 of the Superdesk corpus', () => {
  // 7901 ends each heading line with " =": a transmission mark, not part of the headline (Superdesk's
  // generic 7901 parser keeps it; its dpa variant, like a newsroom, does not).
  it.each(['iptc7901/IPTC7901.txt', 'iptc7901/dpa_two_line.txt', 'iptc7901/dpa_four_line.txt', 'iptc7901/dpa_two_by_line.txt'])(
    'drops the end mark from the headline of %s',
    (file) => {
      const [item] = parseSuperdeskFile(file);
      expect(item.headline).not.toMatch(/=\s*$/);
    },
  );

  it('reads the headline, slug and dateline of IPTC7901.txt', () => {
    const [item] = parseSuperdeskFile('iptc7901/IPTC7901.txt');
    expect(item.headline).toBe('Germany Social Democrats: Coalition talks with Merkel could fail');
    expect(item.wire.slug).toBe('Germany-politics');
    expect(item.dateline).toBe('Berlin');
  });
});
