// Spearman's rank correlation: how monotonically an output moves with an input across samples.

import { ranks } from "./ranks.js";

/** Pearson's correlation of two equally long columns; 0 when either is constant. */
export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Spearman's ρ: Pearson's correlation of the ranks (average ranks for ties).
 *
 * @example spearman(Float64Array.of(1, 2, 3), Float64Array.of(1, 4, 9)) // 1
 */
export function spearman(x: Float64Array, y: Float64Array): number {
  return pearson(ranks(x), ranks(y));
}
