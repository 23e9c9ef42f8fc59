import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseWire } from '../../parse';
import { WireFormatErrorCode } from '../../errors/wire-format-error-code.enum';

const corpus = (file: string) => readFileSync(resolve(__dirname, '../../../../..', '../shared/corpus/superdesk/nitf', file));
const parse = (file: string, contentType?: string) => {
  const result = parseWire({ body: corpus(file), contentType, capturedAt: new Date('2026-01-01T00:00:00Z') });
  expect(result.format).toBe('nitf');
  expect(result.items).toHaveLength(1);
  return result.items[0];
};
const text = (item: { body: { text: string }[] }) => item.body.map((block) => block.text).join('\n');

describe('NITF (Superdesk corpus)', () => {
  it('reads AAP: identity, slug, urgency, times, byline, dateline, abstract, subjects with their named levels', () => {
    const item = parse('aap.xml', 'application/xml');
    expect(item.headline).toBe("The main stories on today's 1900 ABC TV news");
    expect(item.wire).toEqual({ guid: 'AAP.115314987.5417374', slug: 'Monitor 1900 ABC News' });
    expect(item.urgency).toBe(5);
    expect(item.firstCreated).toBe('2013-10-20T08:27:51.000Z');
    expect(item.versionCreated).toBe('2013-10-20T08:27:51.000Z');
    expect(item.byline).toBe('By John Doe');
    expect(item.dateline).toBe('Sydney');
    expect(item.summary).toEqual(["The main stories on today's 1900 ABC TV news"]);
    expect(item.pubStatus).toBe('usable');
    expect(item.embargo).toBeUndefined();
    expect(item.subjects).toEqual([
      { code: '02003001', name: 'law enforcement', scheme: 'subj' },
      { code: '02000000', name: 'Justice', scheme: 'subj' },
      { code: '02003000', name: 'Police', scheme: 'subj' },
      { code: '02003002', name: 'investigation', scheme: 'subj' },
    ]);
    expect(text(item)).toContain('1A) More extreme weather forecast over the next few days the fire situation is likely');
    expect(text(item)).not.toContain('body.content');
  });

  it('reads the IPTC sample: canceled is a kill, the release time an embargo, media with caption and credit', () => {
    const item = parse('nitf-fishing.xml');
    expect(item.headline).toBe('Weather and Tide Updates for Norfolk');
    expect(item.wire.guid).toBe('iptc.321656141.b');
    expect(item.pubStatus).toBe('canceled');
    expect(item.signals).toEqual(['kill']);
    expect(item.byline).toBe('By Alan Karben');
    expect(item.urgency).toBe(3);
    expect(item.firstCreated).toBe('2002-02-25T19:30:00.000Z');
    expect(item.embargo).toBe('2002-02-26T14:30:00.000Z');
    expect(item.subjects.map((subject) => [subject.code, subject.name])).toEqual([
      ['17000000', 'Weather'],
      ['17004000', 'Statistics'],
      ['04001002', 'Fishing Industry'],
    ]);
    expect(item.media).toContainEqual({
      kind: 'picture',
      caption: 'The tides, captured on film late yesterday.',
      credit: 'Karben',
      href: 'high-tide.jpg',
      mimeType: 'image/jpeg',
    });
  });

  it('reads AP: byline without its title, the location as dateline, the editor note', () => {
    const item = parse('ap-nitf.xml');
    expect(item.headline).toBe('Can trading pollution like stocks help fight climate change?');
    expect(item.byline).toBe('By BERNARD CONDON');
    expect(item.dateline).toBe('NEW YORK');
    expect(item.body[0].text).toMatch(/^NEW YORK \(AP\) — The gas produced by hog manure/);
  });

  it('decodes ISO-8859-1 (PA) so the pound sign survives', () => {
    const item = parse('pa5.xml');
    expect(item.headline).toBe('HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY');
    expect(item.body[0].text).toMatch(/^Treasury coffers will take a £66 billion annual hit if Britain goes for a so-called hard Brexit/);
  });

  it('reads PA: the catch-line title is the slug and stands in for a missing headline, preformatted tables keep their lines', () => {
    const item = parse('pa2.xml');
    expect(item.headline).toBe('Soccer INT-Teams');
    expect(item.wire.slug).toBe('Soccer INT-Teams');
    expect(item.wire.guid).toBe('T201510140143580001T');
    expect(item.subjects).toEqual([]);
    expect(item.body.map((block) => block.text)).toContain('Mexico v Panama');
  });

  it('reads PA: a catch-line title is the slug even beside a headline; the keyword is not', () => {
    const item = parse('pa1.xml');
    expect(item.headline).toBe('PA SPORT TRIVIA (OCTOBER 14)');
    expect(item.wire.slug).toBe('Sport Trivia (Oct 14)');
  });

  it('reads EFE: keyword as slug, event city as dateline, the detail code first, no sign-off as byline', () => {
    const item = parse('efe_nitf.xml');
    expect(item.headline).toBe('Honduran president announces Cabinet changes');
    expect(item.wire.slug).toBe('HONDURAS GOVERNMENT');
    expect(item.dateline).toBe('Tegucigalpa');
    expect(item.subjects[0].code).toBe('11006005');
    expect(item.language).toBe('en-US');
    expect(item.byline).toBeUndefined();
  });

  it('tolerates invalid dates and keywords', () => {
    const item = parse('handle_invalid_fields.xml');
    expect(item.firstCreated).toBe('2020-07-03T20:51:36.000Z');
    expect(item.embargo).toBeUndefined();
  });

  it('reads NTB: crossheads from <hl2> and Norwegian characters from references', () => {
    const item = parse('nitf-ntb.xml');
    expect(item.body.filter((block) => block.kind === 'crosshead').map((block) => block.text)).toContain('Påstand');
  });

  it('refuses broken NITF as MALFORMED_INPUT', () => {
    expect(() => parseWire({ body: Buffer.from('<nitf><head><title>x</head></nitf>'), capturedAt: new Date() })).toThrow(
      expect.objectContaining({ code: WireFormatErrorCode.MALFORMED_INPUT }),
    );
  });
});
