import { bulletText } from './bullets';

describe('bulletText', () => {
  it('strips the bullet glyph', () => {
    expect(bulletText('\u2022 Relations had sunk')).toBe('Relations had sunk');
    expect(bulletText('\u25cfCapture of Walikale')).toBe('Capture of Walikale');
  });

  it('ignores other lines and empty bullets', () => {
    expect(bulletText('- not a bullet')).toBeNull();
    expect(bulletText('Plain')).toBeNull();
    expect(bulletText('\u2022')).toBeNull();
  });
});
