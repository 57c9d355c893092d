// Summary statistics of a sample column: mean, standard deviation and the quantiles users read
// (p5, p25, p50, p75, p95).
//
// Quantiles use linear interpolation between order statistics (R-7, numpy's and d3's default):
// with h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). They are found by selection
// (d3-array's Floyd–Rivest quickselect) on one copy of the column, never by a full sort.
// The standard deviation is the sample one (divisor n − 1), 0 for a single sample.

import { quickselect } from "d3-array";

/** The statistics reported for every assumption and output. */
export interface Summary {
  /** Arithmetic mean. */
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  /** 5th percentile. */
  readonly p5: number;
  /** 25th percentile. */
  readonly p25: number;
  /** Median. */
  readonly p50: number;
  /** 75th percentile. */
  readonly p75: number;
  /** 95th percentile. */
  readonly p95: number;
}

/** Probabilities of the reported quantiles, ascending. */
export const SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Mean and sample sd by two compensated passes (Neumaier summation). */
function moments(x: Float64Array): { mean: number; sd: number } {
  const n = x.length;
  let sum = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  const mean = (sum + c) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - mean;
    ss += d * d;
  }
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/**
 * R-7 quantiles of `x` at the ascending probabilities `ps`, by successive selection on a copy.
 *
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // [2.5]
 */
export function quantiles(x: Float64Array, ps: readonly number[]): number[] {
  const a = Float64Array.from(x);
  const n = a.length;
  let left = 0;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    quickselect(a, lo, left, n - 1);
    left = lo;
    const below = a[lo] as number;
    if (lo + 1 >= n || h === lo) return below;
    let above = Number.POSITIVE_INFINITY;
    for (let i = lo + 1; i < n; i++) if ((a[i] as number) < above) above = a[i] as number;
    return below + (h - lo) * (above - below);
  });
}

/** The summary of a column of samples. */
export function summarize(x: Float64Array): Summary {
  const { mean, sd } = moments(x);
  const [p5, p25, p50, p75, p95] = quantiles(x, SUMMARY_QUANTILES) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean, sd, p5, p25, p50, p75, p95 };
}
