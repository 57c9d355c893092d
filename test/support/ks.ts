// Goodness-of-fit helpers: the Kolmogorov–Smirnov statistic against a closed-form CDF.

import type { Distribution } from "../../src/dist/distribution.js";
import { sampleInto } from "../../src/dist/index.js";
import { BLOCK_SIZE, streamRng } from "../../src/rng/index.js";

/** Draws n samples of d the way the product does: block by block from (seed, key, block) streams. */
export function drawColumn(d: Distribution, n: number, seed = 1, key = "x"): Float64Array {
  const out = new Float64Array(n);
  for (let b = 0; b * BLOCK_SIZE < n; b++) {
    sampleInto(d, streamRng(seed, key, b), out, b * BLOCK_SIZE, Math.min(n, (b + 1) * BLOCK_SIZE));
  }
  return out;
}

/** D = sup |F_n(x) − F(x)| of the sample against the continuous CDF F. */
export function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const x = Float64Array.from(sample).sort();
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(x[i] as number);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return d;
}

/** The KS critical value at the 1% level for n samples (asymptotic, 1.63/√n). */
export function ksCritical(n: number): number {
  return 1.63 / Math.sqrt(n);
}
