import type { CanonicalItem } from '@copydesk/contracts';
import * as iconv from 'iconv-lite';
import { parseWire } from '../../parse';
import { readSeedPage, SEED_CAPTURED_AT } from '../../../testing/seed-corpus';

const seedText = () => readSeedPage().toString('utf8');
const parseText = (text: string, contentType?: string) => parseWire({ body: Buffer.from(text, 'utf8'), contentType, capturedAt: SEED_CAPTURED_AT });

describe('text-page parser on the seed page', () => {
  let result: ReturnType<typeof parseWire>;
  let items: CanonicalItem[];

  beforeAll(() => {
    result = parseWire({ body: readSeedPage(), contentType: 'text/plain; charset=utf-8', capturedAt: SEED_CAPTURED_AT });
    items = result.items;
  });

  it('detects a text page in UTF-8', () => {
    expect(result.format).toBe('text-page');
    expect(result.charset).toBe('utf-8');
  });

  it('finds exactly six stories, in page order', () => {
    expect(items.map((item) => item.headline)).toEqual([
      'Japan\u2019s Kishida, South Korea\u2019s Yoon call to sustain momentum in improved ties',
      'Trump says US will sign Ukraine minerals deal soon',
      'Macron announces new Ukraine \u2018coalition\u2019 summit in Paris on March 27',
      'Trump signs order to \u2018eliminate\u2019 US Education Department',
      'North Korea\u2019s Kim oversees test of latest anti-aircraft missile system: state media',
      'M23 group seizes key town in eastern DR Congo',
    ]);
  });

  it('turns each "Updated" label into a source time with its precision', () => {
    expect(items.map((item) => item.sourceUpdated)).toEqual([
      { at: '2024-09-06T00:00:00.000Z', precision: 'day' },
      { at: '2025-03-21T09:59:56.000Z', precision: 'second' },
      { at: '2025-03-21T09:52:25.000Z', precision: 'second' },
      { at: '2025-03-21T09:40:26.000Z', precision: 'second' },
      { at: '2025-03-21T09:37:33.000Z', precision: 'second' },
      { at: '2025-03-21T00:00:00.000Z', precision: 'day' },
    ]);
  });

  it('reads story 1: bullets, captioned photo, dateline, crosshead', () => {
    const [kishida] = items;
    expect(kishida.summary).toEqual([
      'Relations between the two staunch US regional allies had sunk to their lowest level in decades',
      'Fumio Kishida emphasized the need to continue efforts to advance bilateral ties',
    ]);
    expect(kishida.media).toEqual([
      {
        kind: 'picture',
        caption: 'South Korean President Yoon Suk Yeol, right, with Japanese Prime Minister Fumio Kishida in Seoul on May 27, 2024.',
        credit: 'Reuters',
      },
    ]);
    expect(kishida.dateline).toBe('SEOUL');
    expect(kishida.body[0]).toEqual({
      kind: 'paragraph',
      text: 'Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol called on Friday at a summit in Seoul to keep up the momentum behind an improvement in relations, which will be tested by imminent changes of leaders in Tokyo and Washington.',
    });
    expect(kishida.body.filter((block) => block.kind === 'crosshead')).toEqual([{ kind: 'crosshead', text: 'LOOMING ELECTION UNCERTAINTY' }]);
    expect(kishida.body).toHaveLength(19);
    expect(kishida.body.at(-1)?.text.startsWith('Kim Hyoung-zhin')).toBe(true);
    expect(kishida.body.at(-1)?.kind).toBe('paragraph');
  });

  it('reads story 2: paragraphs one per line', () => {
    const trump = items[1];
    expect(trump.summary).toEqual(['Trump says peace talks going \u2018pretty well\u2019', 'Ukraine minerals deal seen as repayment for US aid']);
    expect(trump.dateline).toBe('WASHINGTON');
    expect(trump.media).toEqual([]);
    // The page has 13 body lines (the brief said 12; the file has 13, the first being the WASHINGTON one).
    expect(trump.body).toHaveLength(13);
    expect(trump.body.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(trump.body[0].text.startsWith('President Donald Trump said on Thursday')).toBe(true);
    expect(trump.body.at(-1)?.text.startsWith('Ukraine\u2019s embassy in Washington')).toBe(true);
  });

  it('reads story 3: no bullets, two paragraphs', () => {
    const macron = items[2];
    expect(macron.summary).toEqual([]);
    expect(macron.dateline).toBe('BRUSSELS');
    expect(macron.body.map((block) => block.text)).toEqual([
      'French President Emmanuel Macron on Thursday said the leaders of a coalition of Ukraine backers would meet again in Paris next week, hoping to finalize plans to secure a potential truce in the war with Russia.',
      '\u201cWe will hold another meeting of the coalition of the willing next Thursday in Paris in presence of President (Volodymyr) Zelensky,\u201d Macron told reporters following an EU summit.',
    ]);
  });

  it('keeps story 4 as a headline-only flash', () => {
    expect(items[3]).toMatchObject({ summary: [], body: [], media: [] });
    expect(items[3].dateline).toBeUndefined();
  });

  it('reads story 5: dateline followed by a no-break space', () => {
    const kim = items[4];
    expect(kim.dateline).toBe('SEOUL');
    expect(kim.body).toHaveLength(2);
    expect(kim.body[0].text).toBe(
      'North Korea on Thursday conducted a test fire of its latest anti-aircraft missile system in a drill watched by leader Kim Jong Un, Pyongyang\u2019s state media reported.',
    );
  });

  it('reads story 6: one bullet, GOMA, no-break spaces turned into spaces', () => {
    const goma = items[5];
    expect(goma.summary).toEqual(['Capture of Walikale leaves rebels in control of road linking 4 provinces']);
    expect(goma.dateline).toBe('GOMA');
    expect(goma.body[0].text.startsWith('Rwanda-backed M23 rebels have entered the center of the eastern Congo town of Walikale, a local')).toBe(true);
    expect(goma.body).toHaveLength(11);
    expect(goma.body.at(-1)?.text.startsWith('Rwanda has denied backing M23')).toBe(true);
  });

  it('leaves no furniture, label or no-break space in any text', () => {
    for (const item of items) {
      const texts = [item.headline, ...item.summary, ...item.body.map((b) => b.text), ...item.media.flatMap((m) => [m.caption ?? '', m.credit ?? ''])];
      for (const text of texts) {
        expect(text).not.toMatch(/\u00a0|^Updated |^Short Url$|^Follow$|^Update |^\u2022|\s{2}|^\s|\s$/);
      }
      expect(item.body.map((b) => b.text)).not.toContain(item.headline);
    }
  });

  it('fills the fixed fields and a content hash', () => {
    for (const item of items) {
      expect(item).toMatchObject({ format: 'text-page', pubStatus: 'usable', signals: [], subjects: [], wire: {} });
      expect(item.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(items.map((item) => item.contentHash)).size).toBe(6);
  });

  it('hashes a re-scrape with different relative labels the same', () => {
    const rescraped = parseText(
      seedText()
        .replace('Updated 4 sec ago', 'Updated 10 min 4 sec ago')
        .replace('Updated 7 min 35 sec ago', 'Updated 1 hr 5 mins ago')
        .replace('Updated 19 min 34 sec ago', 'Updated 2 hours ago'),
    ).items;
    expect(rescraped.map((item) => item.contentHash)).toEqual(items.map((item) => item.contentHash));
    expect(rescraped[1].sourceUpdated).toEqual({ at: '2025-03-21T09:49:56.000Z', precision: 'second' });
    expect(rescraped[2].sourceUpdated).toEqual({ at: '2025-03-21T08:55:00.000Z', precision: 'minute' });
    expect(rescraped[3].sourceUpdated).toEqual({ at: '2025-03-21T08:00:00.000Z', precision: 'minute' });
  });

  it('changes the hash when the copy changes', () => {
    const edited = parseText(seedText().replace('30-day ceasefire', '30-day truce')).items;
    expect(edited[1].contentHash).not.toBe(items[1].contentHash);
    expect(edited[0].contentHash).toBe(items[0].contentHash);
  });

  it('reads CRLF, UTF-16LE with BOM and windows-1252 copies of the page alike', () => {
    const text = seedText();
    const crlf = parseWire({ body: Buffer.from(text.replace(/\n/g, '\r\n')), capturedAt: SEED_CAPTURED_AT });
    const utf16 = parseWire({
      body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      capturedAt: SEED_CAPTURED_AT,
    });
    const cp1252 = iconv.encode(text, 'windows-1252');
    const declared = parseWire({ body: cp1252, contentType: 'text/plain; charset=windows-1252', capturedAt: SEED_CAPTURED_AT });
    const sniffed = parseWire({ body: cp1252, contentType: 'text/plain', capturedAt: SEED_CAPTURED_AT });

    expect(crlf.items).toEqual(items);
    expect(utf16).toEqual({ format: 'text-page', charset: 'utf-16le', items });
    expect(declared).toEqual({ format: 'text-page', charset: 'windows-1252', items });
    expect(sniffed).toEqual({ format: 'text-page', charset: 'windows-1252', items });
  });
});
