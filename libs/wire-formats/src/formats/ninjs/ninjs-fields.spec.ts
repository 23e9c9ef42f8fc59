import { pubStatusSignals, toPubStatus, toSignals, toSubjects, toUrgency } from './ninjs-fields';

describe('ninjs fields', () => {
  it('reads pubstatus in any spelling, usable by default', () => {
    expect(toPubStatus('stat:canceled')).toBe('canceled');
    expect(toPubStatus('Cancelled')).toBe('canceled');
    expect(toPubStatus('withheld')).toBe('withheld');
    expect(toPubStatus(undefined)).toBe('usable');
    expect(toPubStatus('draft')).toBe('usable');
    expect(pubStatusSignals('canceled')).toEqual(['kill']);
  });

  it('reads urgency 1..9 only', () => {
    expect(toUrgency(3)).toBe(3);
    expect(toUrgency('4')).toBe(4);
    expect(toUrgency(0)).toBeUndefined();
    expect(toUrgency(12)).toBeUndefined();
    expect(toUrgency('high')).toBeUndefined();
  });

  it('reads subjects from code, literal or uri', () => {
    expect(toSubjects([{ code: '04000000', name: 'economy' }, { uri: 'http://cv.iptc.org/x', scheme: 's' }, { rel: 'about' }])).toEqual([
      { code: '04000000', name: 'economy' },
      { code: 'http://cv.iptc.org/x', scheme: 's' },
    ]);
  });

  it('reads signals a document names', () => {
    expect(toSignals(['sig:update', { code: 'correction' }, { qcode: 'sig:kill' }, 'newscontent'])).toEqual(['update', 'correction', 'kill']);
    expect(toSignals(undefined)).toEqual([]);
  });
});
