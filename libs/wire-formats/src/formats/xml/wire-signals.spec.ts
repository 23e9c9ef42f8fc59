import { editorialMarkers, mergeSignals } from './wire-signals';

describe('editorialMarkers', () => {
  it.each([
    [{ headline: 'CORRECTED-S. Illinois battles flooding' }, ['correction'], undefined],
    [{ headline: 'REFILE-Gold rises' }, ['update'], 'REFILE'],
    [{ headline: 'UPDATE 2-Primeira Liga Results' }, ['update'], undefined],
    [{ headline: 'Earnings', slug: 'BC-US--Earns-Nutrisystem, 1st Ld-Writethru' }, ['update'], '1st Ld-Writethru'],
    [{ headline: 'Gold', lead: '(Adds comments, detail)' }, ['update'], undefined],
    [{ headline: 'Gold', notes: ['Eds: Adds full-year results.'] }, ['update'], undefined],
    [{ headline: 'Gold', notes: ['Korjattu aiempaa uutista: Ylen juttu'] }, ['correction'], undefined],
    [{ headline: 'Gold', notes: ['KILL: this story has been withdrawn'] }, ['kill'], undefined],
    [{ headline: 'Police killed a suspect', notes: ['Not for public release until noon'] }, [], undefined],
  ])('%p → %p', (text, signals, takeKey) => {
    const markers = editorialMarkers(text);
    expect(markers.signals.sort()).toEqual([...signals].sort());
    expect(markers.takeKey).toBe(takeKey);
  });

  it('merges signals once each, in a fixed order', () => {
    expect(mergeSignals(['kill', 'update'], ['update', 'correction'])).toEqual(['update', 'correction', 'kill']);
  });
});
