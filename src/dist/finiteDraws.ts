// Whether a distribution's draws are always finite numbers, so that a sampled column needs no
// check for overflow.

import type { Distribution } from "./distribution.js";

/** No normal draw of perpetuum's ziggurat exceeds this many standard deviations (P < 1e-300). */
const MAX_Z = 40;

/**
 * True when every draw of `d` is finite: bounded kinds always; normal and lognormal when even a
 * 40-sigma draw stays far from overflow.
 *
 * @example finiteDraws({ kind: "lognormal", mu: 0, sigma: 1 }) // true
 */
export function finiteDraws(d: Distribution): boolean {
  switch (d.kind) {
    case "normal":
      return Math.abs(d.mean) + MAX_Z * d.sd < 1e300;
    case "lognormal":
      return d.mu + MAX_Z * d.sigma < 700;
    case "mixture":
      return d.components.every(finiteDraws);
    case "constant":
    case "uniform":
    case "triangular":
    case "pert":
    case "beta":
    case "bernoulli":
    case "discrete":
    case "truncated":
      return true;
    default:
      return d satisfies never;
  }
}
