// Distribution functions F(x) = P(X ≤ x), and P(X < x) for distributions with atoms.

import { incompleteBeta, normalCdf } from "../math/index.js";
import type { Distribution } from "./distribution.js";
import { pertShape } from "./pertShape.js";

/** Sum of the weights of the values for which `take(value)` holds. */
function atoms(
  values: readonly number[],
  weights: readonly number[],
  take: (v: number) => boolean,
): number {
  let s = 0;
  values.forEach((v, i) => {
    if (take(v)) s += weights[i] as number;
  });
  return Math.min(1, s);
}

/**
 * F(x) = P(X ≤ x); right-continuous for the discrete kinds.
 *
 * @example cdf({ kind: "normal", mean: 0, sd: 1 }, 1.6448536269514722) // 0.95
 */
export function cdf(d: Distribution, x: number): number {
  switch (d.kind) {
    case "constant":
      return x >= d.value ? 1 : 0;
    case "normal":
      return normalCdf((x - d.mean) / d.sd);
    case "lognormal":
      return x <= 0 ? 0 : normalCdf((Math.log(x) - d.mu) / d.sigma);
    case "uniform":
      return x <= d.min ? 0 : x >= d.max ? 1 : (x - d.min) / (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c
        ? ((x - a) * (x - a)) / ((b - a) * (c - a))
        : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
    case "pert": {
      const { alpha, beta } = pertShape(d.min, d.mode, d.max);
      return incompleteBeta((x - d.min) / (d.max - d.min), alpha, beta);
    }
    case "beta":
      return incompleteBeta(x, d.alpha, d.beta);
    case "bernoulli":
      return x < 0 ? 0 : x < 1 ? 1 - d.p : 1;
    case "discrete":
      return atoms(d.values, d.weights, (v) => v <= x);
    case "mixture":
      return d.components.reduce((s, c, i) => s + (d.weights[i] as number) * cdf(c, x), 0);
    case "truncated": {
      const below = cdfBelow(d.base, d.min);
      const mass = cdf(d.base, d.max) - below;
      if (x < d.min) return 0;
      if (x >= d.max) return 1;
      return Math.min(1, Math.max(0, (cdf(d.base, x) - below) / mass));
    }
    default:
      return d satisfies never;
  }
}

/** P(X < x): equal to cdf for continuous kinds, without the atom at x for discrete ones. */
export function cdfBelow(d: Distribution, x: number): number {
  switch (d.kind) {
    case "constant":
      return x > d.value ? 1 : 0;
    case "bernoulli":
      return x <= 0 ? 0 : x <= 1 ? 1 - d.p : 1;
    case "discrete":
      return atoms(d.values, d.weights, (v) => v < x);
    case "mixture":
      return d.components.reduce((s, c, i) => s + (d.weights[i] as number) * cdfBelow(c, x), 0);
    case "truncated":
      return x <= d.min
        ? 0
        : x > d.max
          ? 1
          : (cdfBelow(d.base, x) - cdfBelow(d.base, d.min)) /
            (cdf(d.base, d.max) - cdfBelow(d.base, d.min));
    default:
      return cdf(d, x);
  }
}
