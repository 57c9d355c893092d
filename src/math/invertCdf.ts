// Numeric inversion of a distribution function, for quantiles without a closed form.

/**
 * The smallest x in [lo, hi] with cdf(x) ≥ p, by bisection to full double precision (at most
 * 200 halvings). `lo` and `hi` must bracket the answer (cdf(lo) ≤ p ≤ cdf(hi)).
 *
 * @example invertCdf((x) => x * x, 0.25, 0, 1) // 0.5
 */
export function invertCdf(cdf: (x: number) => number, p: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200; i++) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    if (cdf(mid) >= p) b = mid;
    else a = mid;
  }
  return b;
}
