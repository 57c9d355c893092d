// Gamma draws, the building block of beta and PERT samples.

import { type Rng, standardNormal } from "../rng/index.js";

/**
 * One draw from Gamma(shape, 1) by Marsaglia & Tsang's method ("A Simple Method for Generating
 * Gamma Variables", ACM TOMS 26, 2000); for shape < 1, Gamma(shape + 1)·U^(1/shape).
 */
export function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.nextDouble();
    return gammaDraw(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One draw from Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gammaDraw(rng, a);
  const y = gammaDraw(rng, b);
  return x / (x + y);
}
