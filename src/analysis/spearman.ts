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

/**
 * Spearman's ρ of every input against every output, `[output][input]`, each column ranked once
 * (ranking is the cost: a sort per column), with the same numbers as spearman on each pair. Holds
 * the outputs' ranks and one input's at a time.
 *
 * @example spearmanMatrix([x1, x2], [y]) // [[ρ(x1, y), ρ(x2, y)]]
 */
export function spearmanMatrix(
  inputs: readonly Float64Array[],
  outputs: readonly Float64Array[],
): number[][] {
  const ranked = outputs.map(ranks);
  const rho = outputs.map(() => new Array<number>(inputs.length));
  inputs.forEach((x, i) => {
    const rx = ranks(x);
    ranked.forEach((ry, o) => {
      (rho[o] as number[])[i] = pearson(rx, ry);
    });
  });
  return rho;
}
