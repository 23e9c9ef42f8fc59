import { testItem } from '../testing/test-items';
import { compareVersions, positionOf, VersionPosition } from './version-order';

const at = (over: Partial<VersionPosition>): VersionPosition => ({
  wireGuid: 'urn:a',
  wireVersion: null,
  format: 'newsml-g2',
  time: null,
  precision: 'second',
  ...over,
});

describe('compareVersions', () => {
  it('orders G2 versions as integers, not as strings', () => {
    expect(compareVersions(at({ wireVersion: '10' }), at({ wireVersion: '9' }))).toBe(1);
    expect(compareVersions(at({ wireVersion: '2' }), at({ wireVersion: '11' }))).toBe(-1);
  });

  it('never compares opaque version strings as numbers; falls back to the time', () => {
    const a = at({ format: 'ninjs', wireVersion: '978556838', time: '2024-01-02T10:00:00.000Z' });
    const b = at({ format: 'ninjs', wireVersion: '1542761538', time: '2024-01-02T09:00:00.000Z' });
    expect(compareVersions(a, b)).toBe(1);
    expect(compareVersions(at({ format: 'ninjs', wireVersion: '1' }), at({ format: 'ninjs', wireVersion: '2' }))).toBe(0);
  });

  it('compares times at the coarser precision and leaves ties to arrival', () => {
    const day = at({ wireGuid: null, time: '2025-03-21T00:00:00.000Z', precision: 'day' });
    const sec = at({ wireGuid: null, time: '2025-03-21T09:59:56.000Z', precision: 'second' });
    expect(compareVersions(day, sec)).toBe(0);
    expect(compareVersions(sec, at({ wireGuid: null, time: '2025-03-21T10:09:56.000Z' }))).toBe(-1);
    expect(compareVersions(at({ wireVersion: '3' }), at({ wireGuid: 'urn:b', wireVersion: '5' }))).toBe(0);
  });
});

describe('positionOf', () => {
  it('reads a time it cannot parse as no time, rather than throwing', () => {
    const item = testItem('h', [], { versionCreated: 'not a time', sourceUpdated: { at: '2025-03-21T10:00:00Z', precision: 'minute' } });
    expect(positionOf(item)).toMatchObject({ time: '2025-03-21T10:00:00.000Z', precision: 'minute' });
    expect(positionOf(testItem('h', [], { versionCreated: '+999999-01-01T00:00:00Z' })).time).toBeNull();
    expect(positionOf(testItem('h', [], { versionCreated: '2025-03-21T10:00:00+01:00' }))).toMatchObject({
      time: '2025-03-21T09:00:00.000Z',
      precision: 'second',
    });
  });
});
