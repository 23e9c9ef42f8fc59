import { growthExponent, LINEAR_EXPONENT } from './time-growth';

/** The measure behind the linear-time specs tells quadratic work from linear work. */
describe('growthExponent', () => {
  const sizes = (n: number) => Array.from({ length: n }, (_, i) => i);
  const linear = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const quadratic = (xs: number[]) => {
    let sum = 0;
    for (const a of xs) for (const b of xs) sum += a ^ b;
    return sum;
  };

  it('puts quadratic work above the linear limit and linear work below it', () => {
    expect(growthExponent(sizes(200), sizes(4_000), 20, quadratic)).toBeGreaterThan(LINEAR_EXPONENT);
    expect(growthExponent(sizes(50_000), sizes(1_000_000), 20, linear)).toBeLessThan(LINEAR_EXPONENT);
  });
});
