import fc from 'fast-check';
import { formatUpdatedLabel, isWithinPrecision, parseUpdatedLabel } from './index';

const TIME_ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
const MIN_MS = Date.UTC(1971, 0, 1);
const MAX_MS = Date.UTC(2099, 0, 1);
const DAY_MS = 86_400_000;

/** Elapsed times that hit each label form, with the boundaries weighted in. */
const elapsedMs = fc.oneof(
  fc.integer({ min: 0, max: 59_999 }),
  fc.integer({ min: 60_000, max: 3_599_999 }),
  fc.integer({ min: 3_600_000, max: DAY_MS - 1 }),
  fc.integer({ min: DAY_MS, max: 4000 * DAY_MS }),
  fc.constantFrom(0, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, DAY_MS - 1, DAY_MS),
);

describe('parseUpdatedLabel(formatUpdatedLabel(t, now), now)', () => {
  it('gives t back within the label precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS + 4000 * DAY_MS, max: MAX_MS }), elapsedMs, fc.constantFrom(...TIME_ZONES), (nowMs, elapsed, timeZone) => {
        const now = new Date(nowMs);
        const t = new Date(nowMs - elapsed);
        const label = formatUpdatedLabel(t, now, { timeZone });
        const parsed = parseUpdatedLabel(label, now, { timeZone });
        expect(parsed).not.toBeNull();
        if (!parsed) return;
        expect(isWithinPrecision(parsed.at, t, parsed.precision, { timeZone })).toBe(true);
        const expectedPrecision = elapsed < 3_600_000 ? 'second' : elapsed < DAY_MS ? 'minute' : 'day';
        expect(parsed.precision).toBe(expectedPrecision);
        // A label never places the update after the real time by more than its precision, nor after now.
        expect(parsed.at.getTime()).toBeLessThanOrEqual(now.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact to the second for whole-second times with a seconds label', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS / 1000, max: MAX_MS / 1000 }), fc.integer({ min: 0, max: 3599 }), (nowS, elapsedS) => {
        const now = new Date(nowS * 1000);
        const t = new Date((nowS - elapsedS) * 1000);
        const parsed = parseUpdatedLabel(formatUpdatedLabel(t, now), now);
        expect(parsed).toEqual({ at: t, precision: 'second' });
      }),
      { numRuns: 1000 },
    );
  });

  it('lands dates on midnight of the same calendar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS - DAY_MS }), fc.constantFrom(...TIME_ZONES), (tMs, timeZone) => {
        const t = new Date(tMs);
        const now = new Date(tMs + 2 * DAY_MS);
        const parsed = parseUpdatedLabel(formatUpdatedLabel(t, now, { timeZone }), now, { timeZone });
        expect(parsed?.precision).toBe('day');
        if (!parsed) return;
        expect(isWithinPrecision(parsed.at, t, 'day', { timeZone })).toBe(true);
        expect(parsed.at.getTime()).toBeLessThanOrEqual(t.getTime());
        // The instant just before is the previous day: the parsed instant is the day's start.
        expect(isWithinPrecision(new Date(parsed.at.getTime() - 1), t, 'day', { timeZone })).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
