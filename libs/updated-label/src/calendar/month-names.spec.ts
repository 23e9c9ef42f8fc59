import { MONTH_NAMES, monthFromName } from './month-names';

describe('monthFromName', () => {
  it('reads full names, abbreviations and "Sept" in any case', () => {
    expect(monthFromName('September')).toBe(9);
    expect(monthFromName('sep')).toBe(9);
    expect(monthFromName('SEPT')).toBe(9);
    expect(monthFromName('jan')).toBe(1);
    expect(monthFromName('December')).toBe(12);
  });

  it('rejects anything else', () => {
    expect(monthFromName('Septembre')).toBeUndefined();
    expect(monthFromName('')).toBeUndefined();
  });

  it('has twelve months', () => {
    expect(MONTH_NAMES).toHaveLength(12);
  });
});
