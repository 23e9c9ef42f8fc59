import type { CanonicalItem } from '@copydesk/contracts';
import { createCanonicalItem } from './canonical-item.factory';
import { boundItemTimes, DEFAULT_FUTURE_TOLERANCE_MS } from './item-times';

const capturedAt = new Date('2025-03-21T10:00:30.500Z');
const item = (times: Partial<Pick<CanonicalItem, 'versionCreated' | 'firstCreated' | 'sourceUpdated'>>) =>
  createCanonicalItem({ format: 'ninjs', headline: 'Quake hits Taiwan', ...times });

describe('boundItemTimes', () => {
  it('clamps versionCreated and firstCreated after the capture time (beyond the tolerance) to the capture time', () => {
    const bounded = boundItemTimes(item({ versionCreated: '2099-01-01T00:00:00Z', firstCreated: '2030-06-01T12:00:00+02:00' }), capturedAt);
    expect(bounded.versionCreated).toBe('2025-03-21T10:00:30.500Z');
    expect(bounded.firstCreated).toBe('2025-03-21T10:00:30.500Z');
  });

  it('keeps times up to the capture time plus the tolerance, and returns the item itself when nothing changed', () => {
    const justInside = new Date(capturedAt.getTime() + DEFAULT_FUTURE_TOLERANCE_MS).toISOString();
    const original = item({
      versionCreated: justInside,
      firstCreated: '1999-12-31T23:59:59Z',
      sourceUpdated: { at: '2025-03-21T09:59:00.000Z', precision: 'second' },
    });
    expect(boundItemTimes(original, capturedAt)).toBe(original);
    const justOutside = new Date(capturedAt.getTime() + DEFAULT_FUTURE_TOLERANCE_MS + 1).toISOString();
    expect(boundItemTimes(item({ versionCreated: justOutside }), capturedAt).versionCreated).toBe(capturedAt.toISOString());
  });

  it('allows a source time its precision ahead (a day named in a zone east of UTC), and truncates a clamped one to its precision', () => {
    // "Updated 22 March 2025" read in Tokyo while it was 01:00 there: midnight UTC of the 22nd, 14 hours after the capture.
    const tokyo = item({ sourceUpdated: { at: '2025-03-22T00:00:00.000Z', precision: 'day' } });
    expect(boundItemTimes(tokyo, capturedAt)).toBe(tokyo);
    expect(boundItemTimes(item({ sourceUpdated: { at: '2025-03-25T00:00:00.000Z', precision: 'day' } }), capturedAt).sourceUpdated).toEqual({
      at: '2025-03-21T00:00:00.000Z',
      precision: 'day',
    });
    expect(boundItemTimes(item({ sourceUpdated: { at: '2025-03-21T11:00:00.000Z', precision: 'minute' } }), capturedAt).sourceUpdated).toEqual({
      at: '2025-03-21T10:00:00.000Z',
      precision: 'minute',
    });
    expect(boundItemTimes(item({ sourceUpdated: { at: '2026-01-01T00:00:00.000Z', precision: 'second' } }), capturedAt).sourceUpdated).toEqual({
      at: capturedAt.toISOString(),
      precision: 'second',
    });
  });

  it('leaves times that do not parse, the text and the content hash alone', () => {
    const odd = item({ versionCreated: 'sometime next week', firstCreated: '2099-01-01T00:00:00Z' });
    const bounded = boundItemTimes(odd, capturedAt);
    expect(bounded.versionCreated).toBe('sometime next week');
    expect(bounded).toEqual({ ...odd, firstCreated: capturedAt.toISOString() });
    expect(bounded.contentHash).toBe(odd.contentHash);
  });

  it('takes a tolerance of its own', () => {
    const soon = item({ versionCreated: '2025-03-21T10:01:00.000Z' });
    expect(boundItemTimes(soon, capturedAt, 0).versionCreated).toBe(capturedAt.toISOString());
    expect(boundItemTimes(soon, capturedAt, 60_000)).toBe(soon);
  });
});
