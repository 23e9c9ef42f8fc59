import { parseUpdatedLabel } from './parse-updated-label';

const capturedAt = new Date('2025-03-21T10:00:00Z');
const parse = (label: string, timeZone?: string) => {
  const parsed = parseUpdatedLabel(label, capturedAt, { timeZone });
  return parsed && { at: parsed.at.toISOString(), precision: parsed.precision };
};

describe('parseUpdatedLabel', () => {
  it.each([
    ['Updated 4 sec ago', '2025-03-21T09:59:56.000Z', 'second'],
    ['Updated 7 min 35 sec ago', '2025-03-21T09:52:25.000Z', 'second'],
    ['Updated 19 min 34 sec ago', '2025-03-21T09:40:26.000Z', 'second'],
    ['Updated 2 hr 5 min ago', '2025-03-21T07:55:00.000Z', 'minute'],
    ['Updated 1 hr 5 mins ago', '2025-03-21T08:55:00.000Z', 'minute'],
    ['Updated 3 hours ago', '2025-03-21T07:00:00.000Z', 'minute'],
    ['Updated 1 hour 1 minute ago', '2025-03-21T08:59:00.000Z', 'minute'],
    ['12 minutes ago', '2025-03-21T09:48:00.000Z', 'minute'],
    ['1 second ago', '2025-03-21T09:59:59.000Z', 'second'],
    ['10 mins 4 secs ago', '2025-03-21T09:49:56.000Z', 'second'],
    ['2 hrs ago', '2025-03-21T08:00:00.000Z', 'minute'],
    ['updated 0 sec ago', '2025-03-21T10:00:00.000Z', 'second'],
  ])('reads the relative label %p', (label, at, precision) => {
    expect(parse(label)).toEqual({ at, precision });
  });

  it('tolerates case, extra spaces and no-break spaces', () => {
    expect(parse('  UPDATED\u00a0\u00a07\u00a0MIN  35 SEC AGO  ')).toEqual({
      at: '2025-03-21T09:52:25.000Z',
      precision: 'second',
    });
  });

  it.each([
    ['Updated 06 September 2024', '2024-09-06T00:00:00.000Z'],
    ['Updated 6 September 2024', '2024-09-06T00:00:00.000Z'],
    ['21 March 2025', '2025-03-21T00:00:00.000Z'],
    ['Updated 6 Sep 2024', '2024-09-06T00:00:00.000Z'],
    ['Updated 6 Sept. 2024', '2024-09-06T00:00:00.000Z'],
    ['Updated September 6, 2024', '2024-09-06T00:00:00.000Z'],
    ['updated 29 february 2024', '2024-02-29T00:00:00.000Z'],
  ])('reads the date %p as midnight UTC', (label, at) => {
    expect(parse(label)).toEqual({ at, precision: 'day' });
  });

  it('reads a date as midnight in the configured time zone', () => {
    expect(parse('Updated 06 September 2024', 'Asia/Seoul')).toEqual({
      at: '2024-09-05T15:00:00.000Z',
      precision: 'day',
    });
  });

  it.each([
    '',
    'Updated',
    'Updated ago',
    'Updated 4 sec',
    'Updated 4 days ago',
    'Updated 31 February 2024',
    'Updated 06 Septembre 2024',
    'Updated 06 September 24',
    'Follow',
    'Short Url',
    '4 sec ago and more',
    'x'.repeat(1_000_000),
  ])('returns null for %p', (label) => {
    expect(parse(label)).toBeNull();
  });
});
