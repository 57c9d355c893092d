// One draw from any distribution: the general path, used for mixture components, truncation by
// rejection and the rare kinds. Bulk draws go through sampleInto's loops.

import { fastExp } from "../math/index.js";
import { type Rng, standardNormal } from "../rng/index.js";
import { cdf, cdfBelow } from "./cdf.js";
import type { Distribution } from "./distribution.js";
import { betaDraw } from "./gammaDraw.js";
import { pertShape } from "./pertShape.js";
import { quantile } from "./quantile.js";

/** Rejection sampling is used for truncation when at least this share of draws is accepted. */
export const MIN_ACCEPTANCE = 0.1;

/** The index k drawn with probability weights[k]. */
export function pickIndex(rng: Rng, weights: readonly number[]): number {
  const u = rng.nextDouble();
  let s = 0;
  for (let k = 0; k < weights.length - 1; k++) {
    s += weights[k] as number;
    if (u < s) return k;
  }
  return weights.length - 1;
}

/**
 * One draw from `d`.
 *
 * @example sampleOne({ kind: "uniform", min: 0, max: 1 }, rng)
 */
export function sampleOne(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case "constant":
      return d.value;
    case "normal":
      return d.mean + d.sd * standardNormal(rng);
    case "lognormal":
      return fastExp(d.mu + d.sigma * standardNormal(rng));
    case "uniform":
    case "triangular":
      return quantile(d, rng.nextDouble());
    case "pert": {
      const { alpha, beta } = pertShape(d.min, d.mode, d.max);
      return d.min + (d.max - d.min) * betaDraw(rng, alpha, beta);
    }
    case "beta":
      return betaDraw(rng, d.alpha, d.beta);
    case "bernoulli":
      return rng.nextDouble() < d.p ? 1 : 0;
    case "discrete":
      return d.values[pickIndex(rng, d.weights)] as number;
    case "mixture":
      return sampleOne(d.components[pickIndex(rng, d.weights)] as Distribution, rng);
    case "truncated": {
      const mass = cdf(d.base, d.max) - cdfBelow(d.base, d.min);
      if (mass >= MIN_ACCEPTANCE) {
        for (;;) {
          const x = sampleOne(d.base, rng);
          if (x >= d.min && x <= d.max) return x;
        }
      }
      return quantile(d, rng.nextDouble());
    }
    default:
      return d satisfies never;
  }
}
