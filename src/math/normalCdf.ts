// The standard normal distribution function Φ.

const LN_SQRT_2PI = 0.9189385332046728;

/** Q(x) = 1 − Φ(x) for x > 5 by the Laplace continued fraction (Lentz), relative error ~1e-15. */
function upperTail(x: number): number {
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 200; k++) {
    d = x + k * d;
    d = d === 0 ? 1e-300 : 1 / d;
    c = x + k / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-0.5 * x * x - LN_SQRT_2PI) / f;
}

/**
 * Φ(x) = P(Z ≤ x) for Z ~ N(0, 1). For |x| ≤ 5 Marsaglia's Taylor series (J. Stat. Software 11,
 * 2004), Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), absolute error below 1e-15; beyond, the
 * continued fraction for the tail, so that small tail probabilities keep their relative accuracy.
 *
 * @example normalCdf(-1.96) // 0.024997895148220435 (R: pnorm(-1.96))
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 5) return 1 - upperTail(x);
  if (x < -5) return upperTail(-x);
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - LN_SQRT_2PI);
}
