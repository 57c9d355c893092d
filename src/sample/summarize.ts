// Summary statistics of a sample column: mean, standard deviation and the quantiles users read
// (p5, p25, p50, p75, p95).
//
// Quantiles use linear interpolation between order statistics (R-7, numpy's and d3's default):
// with h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). They are exact order statistics,
// found by orderStatistics.ts.
// The standard deviation is the sample one (divisor n − 1), 0 for a single sample.

import {
  BINS,
  orderStatistics,
  SMALL_BIN,
  type SummaryScratch,
  selectBySort,
  sumAndRange,
  summaryScratch,
} from "./orderStatistics.js";
import { SUMMARY_QUANTILES } from "./summaryQuantiles.js";

/** The reported quantiles of a quantity over samples: p5, p25, p50, p75 and p95. */
export interface Band {
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

/** The statistics reported for every assumption and output: the mean, the sd and the band. */
export interface Summary extends Band {
  /** Arithmetic mean. */
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
}

/** Numbers summarizeInto writes: mean, sd, p5, p25, p50, p75, p95. */
export const SUMMARY_LENGTH = 7;

/**
 * R-7 quantiles of `x` at the probabilities `ps`, from exact order statistics.
 *
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // [2.5]
 */
export function quantiles(x: Float64Array, ps: readonly number[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return ps.map(() => min);
  const ranks = ranksOf(ps, x.length);
  const values = new Float64Array(ranks.length);
  const scale = BINS / (max - min);
  if (x.length <= SMALL_BIN || !Number.isFinite(scale) || scale === 0)
    selectBySort(x, ranks, 0, values, 0);
  else orderStatistics(x, ranks, 0, min, max, 0, values, 0, summaryScratch(ranks.length));
  const out = new Float64Array(ps.length);
  interpolate(values, ps, x.length, out, 0);
  return Array.from(out);
}

/** The ranks ⌊h⌋ and ⌊h⌋ + 1 (capped at n − 1) for each p, h = (n − 1)·p. */
function ranksOf(
  ps: readonly number[],
  n: number,
  into: Int32Array = new Int32Array(2 * ps.length),
): Int32Array {
  ps.forEach((p, k) => {
    const lo = Math.floor((n - 1) * p);
    into[2 * k] = lo;
    into[2 * k + 1] = Math.min(n - 1, lo + 1);
  });
  return into;
}

/** R-7 interpolation between the order statistics ⌊h⌋ and ⌊h⌋ + 1 found for each p, into `out[at …]`. */
function interpolate(
  values: Float64Array,
  ps: readonly number[],
  n: number,
  out: Float64Array,
  at: number,
): void {
  for (let k = 0; k < ps.length; k++) {
    const h = (n - 1) * (ps[k] as number);
    const lo = Math.floor(h);
    const below = values[2 * k] as number;
    out[at + k] =
      lo + 1 >= n || h === lo ? below : below + (h - lo) * ((values[2 * k + 1] as number) - below);
  }
}

// squaresOf and sameDoubles are loops over the samples, functions of their own for the reason
// given in orderStatistics.ts.

/** The sum of the squared deviations of `x` from `mean`, added in sample order. */
function squaresOf(x: Float64Array, mean: number): number {
  let squares = 0;
  for (let i = 0; i < x.length; i++) squares += ((x[i] as number) - mean) ** 2;
  return squares;
}

/**
 * Whether every value of `x` is `first`, −0 and 0 told apart (V8 compiles Object.is(v, −0) to a
 * test of the bits); it stops at the first other value, so most columns cost a few reads.
 */
function sameDoubles(x: Float64Array, first: number): boolean {
  const n = x.length;
  const negative = Object.is(first, -0);
  for (let i = 1; i < n; i++) {
    const v = x[i] as number;
    if (v !== first || Object.is(v, -0) !== negative) return false;
  }
  return true;
}

/** Writes the summary of a column whose every value is `value`: sd 0, the rest `value`. */
function constantSummary(value: number, out: Float64Array, at: number): void {
  out.fill(value, at, at + SUMMARY_LENGTH);
  out[at + 1] = 0;
}

/**
 * Writes the summary of a column of samples (length ≥ 1) into `out[at … at + SUMMARY_LENGTH)`:
 * mean, sd, p5, p25, p50, p75, p95. A constant column takes one pass of comparisons (its value,
 * sd 0), which others leave at their first differing value; then three passes: the sum (two interleaved accumulators, which halve the rounding error's growth and the
 * dependency chain) with the range; squared deviations with the bin counts; the gathering of the
 * bins that hold the quantiles. `scratch` is working memory (summaryScratch) that a caller
 * summarising many columns passes to every call; it is allocated per call when not given.
 */
export function summarizeInto(
  x: Float64Array,
  out: Float64Array,
  at: number,
  scratch: SummaryScratch = summaryScratch(),
): void {
  const n = x.length;
  const first = x[0] as number;
  if (!Number.isNaN(first) && sameDoubles(x, first)) {
    constantSummary(first, out, at);
    return;
  }
  const range = scratch.range;
  sumAndRange(x, range);
  const sum = range[0] as number;
  const min = range[1] as number;
  const max = range[2] as number;
  if (min === max && !Number.isNaN(sum)) {
    // Equal values with different bits: zeros of both signs, whose minimum (as before) is −0.
    constantSummary(-0, out, at);
    return;
  }
  const mean = sum / n;
  const scale = BINS / (max - min);
  const ranks = ranksOf(SUMMARY_QUANTILES, n, scratch.ranks);
  const values = scratch.values;
  let squares = 0;
  if (Number.isNaN(sum) || n <= SMALL_BIN || !Number.isFinite(scale) || scale === 0) {
    selectBySort(x, ranks, 0, values, 0);
    squares = squaresOf(x, mean);
  } else squares = orderStatistics(x, ranks, 0, min, max, mean, values, 0, scratch);
  out[at] = mean;
  out[at + 1] = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  interpolate(values, SUMMARY_QUANTILES, n, out, at + 2);
}

/** The summary of a column of samples (length ≥ 1); see summarizeInto. */
export function summarize(x: Float64Array): Summary {
  const out = new Float64Array(SUMMARY_LENGTH);
  summarizeInto(x, out, 0);
  return {
    mean: out[0] as number,
    sd: out[1] as number,
    p5: out[2] as number,
    p25: out[3] as number,
    p50: out[4] as number,
    p75: out[5] as number,
    p95: out[6] as number,
  };
}

/*
 * One small column through every path at load, so that the code after each loop has type
 * feedback when V8 first compiles a loop on the stack during a real column: without it that code
 * deoptimised on every call of a cold run until the functions were compiled whole.
 */
summarizeInto(
  Float64Array.from({ length: 1001 }, (_, i) => (i % 3 === 0 ? 0 : i % 5 === 0 ? 1e12 : i)),
  new Float64Array(SUMMARY_LENGTH),
  0,
);
