// Means and variances in closed form (numeric for truncated distributions).

import type { Distribution } from "./distribution.js";
import { pertShape } from "./pertShape.js";
import { quantile } from "./quantile.js";

/** Points of the midpoint rule used for truncated distributions' moments. */
const GRID = 20_000;

function numericMoments(d: Distribution): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < GRID; k++) {
    const x = quantile(d, (k + 0.5) / GRID);
    s += x;
    s2 += x * x;
  }
  const mean = s / GRID;
  return { mean, variance: s2 / GRID - mean * mean };
}

/**
 * E[X].
 *
 * @example mean({ kind: "lognormal", mu: 0, sigma: 1 }) // Math.exp(0.5)
 */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case "constant":
      return d.value;
    case "normal":
      return d.mean;
    case "lognormal":
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "pert":
      return (d.min + 4 * d.mode + d.max) / 6;
    case "beta":
      return d.alpha / (d.alpha + d.beta);
    case "bernoulli":
      return d.p;
    case "discrete":
      return d.values.reduce((s, v, i) => s + v * (d.weights[i] as number), 0);
    case "mixture":
      return d.components.reduce((s, c, i) => s + (d.weights[i] as number) * mean(c), 0);
    case "truncated":
      return numericMoments(d).mean;
    default:
      return d satisfies never;
  }
}

/**
 * Var[X].
 *
 * @example variance({ kind: "uniform", min: 0, max: 1 }) // 1 / 12
 */
export function variance(d: Distribution): number {
  switch (d.kind) {
    case "constant":
      return 0;
    case "normal":
      return d.sd * d.sd;
    case "lognormal": {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * Math.exp(2 * d.mu + s2);
    }
    case "uniform":
      return (d.max - d.min) ** 2 / 12;
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case "pert": {
      const { alpha, beta } = pertShape(d.min, d.mode, d.max);
      const ab = alpha + beta;
      return ((d.max - d.min) ** 2 * alpha * beta) / (ab * ab * (ab + 1));
    }
    case "beta": {
      const ab = d.alpha + d.beta;
      return (d.alpha * d.beta) / (ab * ab * (ab + 1));
    }
    case "bernoulli":
      return d.p * (1 - d.p);
    case "discrete": {
      const m = mean(d);
      return d.values.reduce((s, v, i) => s + (d.weights[i] as number) * (v - m) ** 2, 0);
    }
    case "mixture": {
      const m = mean(d);
      return (
        d.components.reduce(
          (s, c, i) => s + (d.weights[i] as number) * (variance(c) + mean(c) ** 2),
          0,
        ) -
        m * m
      );
    }
    case "truncated":
      return numericMoments(d).variance;
    default:
      return d satisfies never;
  }
}
