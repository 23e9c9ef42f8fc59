import { headlinePrefix, takeKeySignals } from './take-key.signals';

describe('takeKeySignals', () => {
  it.each([
    ['1st Ld-Writethru', ['update']],
    ['1stLd-Writethru', ['update']],
    ['REFILE 1ST LEAD', ['update']],
    ['UPDATE 2', ['update']],
    ['CORRECTED', ['correction']],
    ['Correction', ['correction']],
    ['1st Ld-Writethru-Correction', ['update', 'correction']],
    ['KILL', ['kill']],
    ['EXTRA', []],
    ['(Achtung)', []],
    [undefined, []],
  ])('%s → %p', (takeKey, signals) => {
    expect(takeKeySignals(takeKey)).toEqual(signals);
  });

  it('finds Reuters-style headline prefixes', () => {
    expect(headlinePrefix('CORRECTED-Illinois battles flooding')).toBe('CORRECTED');
    expect(headlinePrefix('UPDATE 2-Gold rises')).toBe('UPDATE 2');
    expect(headlinePrefix('Gold rises')).toBeUndefined();
  });
});
