import { isBlank, normaliseText } from './normalise-text';

describe('normaliseText', () => {
  it('turns no-break spaces into spaces, collapses runs and trims', () => {
    expect(normaliseText('  GOMA:\u00a0 Rwanda-backed\u00a0\u00a0rebels\t ')).toBe('GOMA: Rwanda-backed rebels');
  });

  it('keeps smart quotes and composes to NFC', () => {
    expect(normaliseText('Japan\u2019s \u201cfine\u201d cafe\u0301')).toBe('Japan\u2019s \u201cfine\u201d caf\u00e9');
  });

  it('drops zero-width spaces and byte-order marks', () => {
    expect(normaliseText('\ufeffWal\u200bikale \u2003 town\r\n')).toBe('Walikale town');
  });

  it('knows blank lines', () => {
    expect(isBlank(' \u00a0\t')).toBe(true);
    expect(isBlank(' x ')).toBe(false);
  });
});
