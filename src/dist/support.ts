// The interval a distribution's values lie in.

import type { Distribution } from "./distribution.js";

/**
 * [lo, hi] containing every value the distribution can take (infinite ends where unbounded).
 *
 * @example support({ kind: "uniform", min: 2, max: 3 }) // [2, 3]
 */
export function support(d: Distribution): [number, number] {
  switch (d.kind) {
    case "constant":
      return [d.value, d.value];
    case "normal":
      return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    case "lognormal":
      return [0, Number.POSITIVE_INFINITY];
    case "uniform":
    case "triangular":
    case "pert":
    case "truncated":
      return [d.min, d.max];
    case "beta":
    case "bernoulli":
      return [0, 1];
    case "discrete":
      return [Math.min(...d.values), Math.max(...d.values)];
    case "mixture": {
      const parts = d.components.map(support);
      return [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))];
    }
    default:
      return d satisfies never;
  }
}

/** True for distributions without atoms (their CDF is continuous). */
export function isContinuous(d: Distribution): boolean {
  switch (d.kind) {
    case "constant":
    case "bernoulli":
    case "discrete":
      return false;
    case "mixture":
      return d.components.every(isContinuous);
    case "truncated":
      return isContinuous(d.base);
    default:
      return true;
  }
}
