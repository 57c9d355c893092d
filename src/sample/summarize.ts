// Summary statistics of a sample column: mean, standard deviation and the quantiles users read
// (p5, p25, p50, p75, p95).
//
// Quantiles use linear interpolation between order statistics (R-7, numpy's and d3's default):
// with h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). They are exact order statistics,
// located by counting values into bins and selecting within the few bins that matter.
// The standard deviation is the sample one (divisor n − 1), 0 for a single sample.

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

/** Bins of the counting pass that locates order statistics before selecting among few values. */
const BINS = 1024;

/** Bins this small are sorted outright; larger ones are binned again. */
const SMALL_BIN = 256;

/**
 * The order statistics of `x` at `ranks` (0-based, ascending), exactly, without sorting `x`: one
 * pass counts values into equal-width bins between `min` and `max` (a monotone map, so bins keep
 * the order), one gathers the values of the bins that hold a wanted rank, and each such bin is
 * sorted when small or binned again between its own extremes (heavy tails put most values in a
 * few bins). The counting pass also sums the squared deviations from `mean` (`squares`).
 */
function orderStatistics(
  x: Float64Array,
  ranks: Int32Array,
  min: number,
  max: number,
  mean: number,
): { values: Float64Array; squares: number } {
  const n = x.length;
  const out = new Float64Array(ranks.length);
  let squares = 0;
  const scale = BINS / (max - min);
  if (min === max || n <= SMALL_BIN || !Number.isFinite(scale)) {
    const sorted = min === max ? x : x.slice().sort();
    for (let k = 0; k < ranks.length; k++) out[k] = sorted[ranks[k] as number] as number;
    for (let i = 0; i < n; i++) squares += ((x[i] as number) - mean) ** 2;
    return { values: out, squares };
  }
  const top = BINS - 1;
  const counts = new Int32Array(BINS + 1);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const d = v - mean;
    squares += d * d;
    const b = Math.min(top, Math.floor((v - min) * scale));
    counts[b + 1] = (counts[b + 1] as number) + 1;
  }
  for (let b = 0; b < BINS; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  const start = new Int32Array(BINS).fill(-1);
  const binOf = new Int32Array(ranks.length);
  let size = 0;
  for (let k = 0; k < ranks.length; k++) {
    const r = ranks[k] as number;
    let lo = 0;
    let hi = top;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((counts[mid + 1] as number) <= r) lo = mid + 1;
      else hi = mid;
    }
    binOf[k] = lo;
    if (start[lo] === -1) {
      start[lo] = size;
      size += (counts[lo + 1] as number) - (counts[lo] as number);
    }
  }
  const gathered = new Float64Array(size);
  const next = start.slice();
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const b = Math.min(top, Math.floor((v - min) * scale));
    const at = next[b] as number;
    if (at < 0) continue;
    gathered[at] = v;
    next[b] = at + 1;
  }
  for (let k = 0; k < ranks.length; ) {
    const b = binOf[k] as number;
    let last = k;
    while (last + 1 < ranks.length && binOf[last + 1] === b) last++;
    const first = start[b] as number;
    const bin = gathered.subarray(first, first + (counts[b + 1] as number) - (counts[b] as number));
    let lo = bin[0] as number;
    let hi = lo;
    for (let i = 1; i < bin.length; i++) {
      lo = Math.min(lo, bin[i] as number);
      hi = Math.max(hi, bin[i] as number);
    }
    const within = Int32Array.from(ranks.subarray(k, last + 1), (r) => r - (counts[b] as number));
    out.set(orderStatistics(bin, within, lo, hi, 0).values, k);
    k = last + 1;
  }
  return { values: out, squares };
}

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
  return Array.from(
    interpolate(orderStatistics(x, ranksOf(ps, x.length), min, max, 0).values, ps, x.length),
  );
}

/** The ranks ⌊h⌋ and ⌊h⌋ + 1 (capped at n − 1) for each p, h = (n − 1)·p. */
function ranksOf(ps: readonly number[], n: number): Int32Array {
  const ranks = new Int32Array(2 * ps.length);
  ps.forEach((p, k) => {
    const lo = Math.floor((n - 1) * p);
    ranks[2 * k] = lo;
    ranks[2 * k + 1] = Math.min(n - 1, lo + 1);
  });
  return ranks;
}

/** R-7 interpolation between the order statistics ⌊h⌋ and ⌊h⌋ + 1 found for each p. */
function interpolate(values: Float64Array, ps: readonly number[], n: number): Float64Array {
  const out = new Float64Array(ps.length);
  for (let k = 0; k < ps.length; k++) {
    const h = (n - 1) * (ps[k] as number);
    const lo = Math.floor(h);
    const below = values[2 * k] as number;
    out[k] =
      lo + 1 >= n || h === lo ? below : below + (h - lo) * ((values[2 * k + 1] as number) - below);
  }
  return out;
}

/**
 * Writes the sum (two interleaved accumulators, which halve the rounding error's growth and the
 * dependency chain), the minimum and the maximum of `x` (length ≥ 1) into `out`. A loop of its
 * own: summarize's caller-facing code then never runs on V8's on-stack-replacement code, whose
 * missing feedback for what follows the loop deoptimised every call.
 */
function sumAndRange(x: Float64Array, out: Float64Array): void {
  let even = 0;
  let odd = 0;
  let min = x[0] as number;
  let max = min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (i & 1) odd += v;
    else even += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  out[0] = even + odd;
  out[1] = min;
  out[2] = max;
}

/**
 * The summary of a column of samples (a constant column in one pass: its value, sd 0), in three
 * passes: the sum with the range; squared deviations with the bin counts; the gathering of the
 * bins that hold the quantiles.
 */
export function summarize(x: Float64Array): Summary {
  const n = x.length;
  const range = new Float64Array(3);
  sumAndRange(x, range);
  const min = range[1] as number;
  const max = range[2] as number;
  if (min === max) return { mean: min, sd: 0, p5: min, p25: min, p50: min, p75: min, p95: min };
  const mean = (range[0] as number) / n;
  const found = orderStatistics(x, ranksOf(SUMMARY_QUANTILES, n), min, max, mean);
  const q = interpolate(found.values, SUMMARY_QUANTILES, n);
  return {
    mean,
    sd: n > 1 ? Math.sqrt(found.squares / (n - 1)) : 0,
    p5: q[0] as number,
    p25: q[1] as number,
    p50: q[2] as number,
    p75: q[3] as number,
    p95: q[4] as number,
  };
}
