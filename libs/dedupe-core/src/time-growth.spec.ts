import { timeGrowth } from '../testing/time-growth';

/** The measure behind the linear-time specs tells quadratic work from linear work. */
describe('timeGrowth', () => {
  const sizes = (n: number) => Array.from({ length: n }, (_, i) => i);
  const linear = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const quadratic = (xs: number[]) => {
    let sum = 0;
    for (const a of xs) for (const b of xs) sum += a ^ b;
    return sum;
  };

  it('gives quadratic work on ten times the input far more than ten times the time, and linear work not', () => {
    const small = sizes(300);
    const large = sizes(3000);
    const q = timeGrowth(small, large, quadratic);
    const l = timeGrowth(sizes(30_000), sizes(300_000), linear);
    expect(q).toBeGreaterThan(40);
    expect(q / l).toBeGreaterThan(3);
  });
});
