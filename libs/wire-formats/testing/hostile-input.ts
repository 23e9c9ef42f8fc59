import { growthExponent, LINEAR_EXPONENT } from '@copydesk/testing';
import { isWireFormatError } from '../src/errors/wire-format.error';
import { parseWire } from '../src/parse';
import { Format, FORMATS, NORMAL, repeat, Story } from './format-documents';

/**
 * Hostile input costs linear time: for every format parseWire reaches, each adversarial document
 * of 1 MB takes about 20 times as long as the same document of 50 KB, measured in this run, not
 * the 400 times of quadratic work (see LINEAR_EXPONENT). A typed refusal counts, if it is fast too.
 * Test support only: the specs (one for the XML formats, one for the rest) call `describeHostileInput`.
 */
const SMALL = 50_000;
const LARGE = 1_000_000;

/** Long runs, one after the other, of what the patterns look for, on one line. */
const RUNS = [
  'storm batters the coast ',
  ' ',
  ':',
  '-',
  ' -',
  '.',
  '7',
  '1.2,3:',
  '"\u2019\'',
  '<',
  '&',
  '&amp;',
  'SEOUL ',
  '\t ',
  '\u00a0 ',
  '= ',
  '(',
  '^',
  '\u2014 ',
];
const runs = (size: number) => RUNS.map((unit) => repeat(unit, Math.floor(size / RUNS.length))).join('') + 'end';
/** Separators a dateline ends with, with text after them. */
const separators = (size: number) => `${repeat(' -:\u2013\u2014\t', size - 1)}x`;

type Case = (format: Format, size: number) => Story;

const CASES: Record<string, Case> = {
  'a huge headline, dateline, byline and slug': (_f, size) => ({
    headline: runs(size / 4),
    dateline: separators(size / 4),
    byline: runs(size / 4),
    slug: runs(size / 4),
    body: NORMAL.body,
    tail: '',
  }),
  'one enormous body line': (_f, size) => ({ ...NORMAL, body: runs(size) }),
  'many tiny elements': (f, size) => ({ ...NORMAL, tail: f.many(size) }),
  'deep nesting or blank lines': (f, size) => ({ ...NORMAL, tail: f.deep(size) }),
};

const capturedAt = new Date('2025-01-01T00:00:00Z');

/** Parses, or refuses with a WireFormatError; anything else is a bug. */
function parseOrRefuse(body: Buffer, contentType: string): string {
  try {
    return parseWire({ body, contentType, capturedAt }).format;
  } catch (error) {
    if (isWireFormatError(error)) return error.code;
    throw error;
  }
}

/** The linear-time specs of the formats `which` selects. */
export function describeHostileInput(which: (format: Format) => boolean): void {
  describe.each(Object.entries(FORMATS).filter(([, format]) => which(format)))('%s', (_name, format) => {
    it('parses the ordinary story the cases start from', () => {
      const { format: read, items } = parseWire({ body: Buffer.from(format.document(NORMAL)), contentType: format.contentType, capturedAt });
      expect(read).toBe(format.format);
      expect(items).toHaveLength(1);
    });

    it.each(Object.entries(CASES))('costs linear time on %s', (_case, build) => {
      const [small, large] = [SMALL, LARGE].map((size) => Buffer.from(format.document(build(format, size))));
      // The two sizes of a case end alike (both parsed, or both refused with the same code), so they time the same work.
      expect(parseOrRefuse(large, format.contentType)).toBe(parseOrRefuse(small, format.contentType));
      expect(growthExponent(small, large, LARGE / SMALL, (b) => parseOrRefuse(b, format.contentType))).toBeLessThan(LINEAR_EXPONENT);
    });
  });
}
