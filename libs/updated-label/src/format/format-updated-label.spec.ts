import { formatUpdatedLabel } from './format-updated-label';

const now = new Date('2025-03-21T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatUpdatedLabel', () => {
  it('prints seconds under a minute', () => {
    expect(formatUpdatedLabel(ago(4), now)).toBe('Updated 4 sec ago');
    expect(formatUpdatedLabel(ago(0), now)).toBe('Updated 0 sec ago');
    expect(formatUpdatedLabel(ago(59.999), now)).toBe('Updated 59 sec ago');
  });

  it('clamps a future time to 0 sec', () => {
    expect(formatUpdatedLabel(ago(-30), now)).toBe('Updated 0 sec ago');
  });

  it('prints minutes and seconds under an hour', () => {
    expect(formatUpdatedLabel(ago(7 * 60 + 35), now)).toBe('Updated 7 min 35 sec ago');
    expect(formatUpdatedLabel(ago(60), now)).toBe('Updated 1 min 0 sec ago');
    expect(formatUpdatedLabel(ago(3599), now)).toBe('Updated 59 min 59 sec ago');
  });

  it('prints hours and minutes under a day', () => {
    expect(formatUpdatedLabel(ago(2 * 3600 + 5 * 60 + 59), now)).toBe('Updated 2 hr 5 min ago');
    expect(formatUpdatedLabel(ago(3600), now)).toBe('Updated 1 hr 0 min ago');
    expect(formatUpdatedLabel(ago(86_399), now)).toBe('Updated 23 hr 59 min ago');
  });

  it('prints the date from a day on, two-digit day, in UTC by default', () => {
    expect(formatUpdatedLabel(new Date('2024-09-06T08:00:00Z'), now)).toBe('Updated 06 September 2024');
    expect(formatUpdatedLabel(ago(86_400), now)).toBe('Updated 20 March 2025');
  });

  it('prints the date in the configured time zone', () => {
    const late = new Date('2024-09-05T23:30:00Z');
    expect(formatUpdatedLabel(late, now)).toBe('Updated 05 September 2024');
    expect(formatUpdatedLabel(late, now, { timeZone: 'Asia/Seoul' })).toBe('Updated 06 September 2024');
  });
});
