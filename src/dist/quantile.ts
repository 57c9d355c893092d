// Quantile functions Q(p) = inf { x : F(x) ≥ p }.

import { inverseNormalCdf, invertCdf } from "../math/index.js";
import { cdf, cdfBelow } from "./cdf.js";
import type { Distribution } from "./distribution.js";
import { support } from "./support.js";

/** Finite bounds that bracket Q(p), widening unbounded ends from a finite start. */
function bracket(d: Distribution, p: number): [number, number] {
  let [lo, hi] = support(d);
  let step = 1;
  if (!Number.isFinite(lo)) {
    lo = Number.isFinite(hi) ? hi - 1 : -1;
    while (cdf(d, lo) > p && lo > -1e300) lo -= step *= 2;
  }
  step = 1;
  if (!Number.isFinite(hi)) {
    hi = Math.max(lo + 1, 1);
    while (cdf(d, hi) < p && hi < 1e300) hi += step *= 2;
  }
  return [lo, hi];
}

/**
 * Q(p) for p in [0, 1]: closed forms for normal, lognormal, uniform and triangular, the smallest
 * atom with F ≥ p for discrete kinds, numeric inversion of F otherwise.
 *
 * @example quantile({ kind: "normal", mean: 0, sd: 1 }, 0.95) // 1.6448536269514722
 */
export function quantile(d: Distribution, p: number): number {
  switch (d.kind) {
    case "constant":
      return d.value;
    case "normal":
      return d.mean + d.sd * inverseNormalCdf(p);
    case "lognormal":
      return Math.exp(d.mu + d.sigma * inverseNormalCdf(p));
    case "uniform":
      return d.min + p * (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      const split = (c - a) / (b - a);
      return p <= split
        ? a + Math.sqrt(p * (b - a) * (c - a))
        : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    case "bernoulli":
      return p <= 1 - d.p ? 0 : 1;
    case "discrete": {
      const sorted = d.values
        .map((v, i) => [v, d.weights[i] as number] as const)
        .sort((x, y) => x[0] - y[0]);
      let s = 0;
      for (const [v, w] of sorted) {
        s += w;
        if (s >= p) return v;
      }
      return (sorted[sorted.length - 1] as readonly [number, number])[0];
    }
    case "truncated": {
      if (
        d.base.kind === "normal" ||
        d.base.kind === "lognormal" ||
        d.base.kind === "uniform" ||
        d.base.kind === "triangular"
      ) {
        const below = cdfBelow(d.base, d.min);
        const q = quantile(d.base, below + p * (cdf(d.base, d.max) - below));
        return Math.min(d.max, Math.max(d.min, q));
      }
      const [lo, hi] = bracket(d, p);
      return invertCdf((x) => cdf(d, x), p, lo, hi);
    }
    case "pert":
    case "beta":
    case "mixture": {
      const [lo, hi] = bracket(d, p);
      return invertCdf((x) => cdf(d, x), p, lo, hi);
    }
    default:
      return d satisfies never;
  }
}
