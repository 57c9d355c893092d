// Summary statistics of a sample column: mean, standard deviation and the quantiles users read
// (p5, p25, p50, p75, p95).
//
// Quantiles use linear interpolation between order statistics (R-7, numpy's and d3's default):
// with h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). They are exact order statistics,
// located by counting values into bins and selecting within the few bins that matter.
// The standard deviation is the sample one (divisor n − 1), 0 for a single sample.

/** The statistics reported for every assumption and output. */
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

/** Probabilities of the reported quantiles, ascending. */
export const SUMMARY_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Numbers summarizeInto writes: mean, sd, p5, p25, p50, p75, p95. */
export const SUMMARY_LENGTH = 7;

/** Bins of the counting pass that locates order statistics before selecting among few values. */
const BINS = 1024;

/** Bins this small are sorted outright; larger ones are binned again. */
const SMALL_BIN = 256;

/**
 * Working memory of the order statistics, reused from call to call (allocate one per run, or let
 * summarize use its own): bin counts, where each wanted bin's values go, the gathered values, and
 * the memory of the next level for bins binned again.
 */
export interface SummaryScratch {
  /** Two interleaved count arrays (even and odd samples), so runs of equal bins do not wait on
   * the previous increment: [parity · (BINS + 1) + bin]. */
  readonly counts: Int32Array;
  /** Per bin: the next free slot of its values in `gathered`, or −1 when no wanted rank is in it. */
  readonly next: Int32Array;
  /** Per wanted rank: its bin's first slot in `gathered`, its bin's size, and the ranks below. */
  readonly first: Int32Array;
  readonly size: Int32Array;
  readonly below: Int32Array;
  /** The values of the wanted bins (grown as needed). */
  gathered: Float64Array;
  /** The order statistics found and the ranks wanted at the top level. */
  readonly values: Float64Array;
  readonly ranks: Int32Array;
  /** Sum, minimum and maximum of the column or bin at hand. */
  readonly range: Float64Array;
  /** Scratch of the bins binned again, made when first needed. */
  inner: SummaryScratch | null;
}

/** Most ranks asked of one call: two per reported quantile. */
const MAX_RANKS = 2 * SUMMARY_QUANTILES.length;

/** Fresh working memory for summarize and quantiles, for up to `ranks` ranks per call. */
export function summaryScratch(ranks: number = MAX_RANKS): SummaryScratch {
  return {
    counts: new Int32Array(2 * (BINS + 1)),
    next: new Int32Array(BINS),
    first: new Int32Array(ranks),
    size: new Int32Array(ranks),
    below: new Int32Array(ranks),
    gathered: new Float64Array(0),
    values: new Float64Array(ranks),
    ranks: new Int32Array(ranks),
    range: new Float64Array(3),
    inner: null,
  };
}

/*
 * Each loop over the samples is a function of its own: V8 compiles a long loop on the stack
 * (on-stack replacement) before the code after it has run, and that code, compiled without
 * feedback, deoptimises on its first use, which made cold runs' summaries far slower.
 */

/**
 * Writes the sum (two interleaved accumulators, which halve the rounding error's growth and the
 * dependency chain), the minimum and the maximum of `x` (length ≥ 1) into `range`. NaN values
 * are left out of the range but make the sum NaN.
 */
function sumAndRange(x: Float64Array, range: Float64Array): void {
  const n = x.length;
  let even = 0;
  let odd = 0;
  let min = x[0] as number;
  let max = min;
  for (let i = 0; i < n; i += 2) {
    const u = x[i] as number;
    even += u;
    if (u < min) min = u;
    if (u > max) max = u;
    if (i + 1 === n) break;
    const v = x[i + 1] as number;
    odd += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  range[0] = even + odd;
  range[1] = min;
  range[2] = max;
}

/**
 * The bin of value `v`, ⌊(v − min)·scale⌋, the maximum going into the last bin. countBins and
 * gatherBins must place every value alike, so both call this.
 */
function binOf(v: number, min: number, scale: number): number {
  const b = ((v - min) * scale) | 0;
  return Math.min(b, BINS - 1);
}

/**
 * Counts the values of `x` into the bins ⌊(v − min)·scale⌋ (the last bin also takes the maximum),
 * even samples into `counts[0 … BINS)` and odd ones into `counts[BINS + 1 …)`, and returns the sum
 * of the squared deviations from `mean`, added in sample order.
 */
function countBins(
  x: Float64Array,
  min: number,
  scale: number,
  mean: number,
  counts: Int32Array,
): number {
  const n = x.length;
  const odd = BINS + 1;
  let squares = 0;
  for (let i = 0; i < n; i += 2) {
    const u = x[i] as number;
    const du = u - mean;
    squares += du * du;
    const a = binOf(u, min, scale);
    counts[a] = (counts[a] as number) + 1;
    if (i + 1 === n) break;
    const v = x[i + 1] as number;
    const dv = v - mean;
    squares += dv * dv;
    const b = binOf(v, min, scale);
    counts[odd + b] = (counts[odd + b] as number) + 1;
  }
  return squares;
}

/**
 * From the counts (which it clears for the next call), finds the bin of each wanted rank (ranks
 * less `shift`) and lays the wanted bins out one after another: `next` gets each wanted bin's
 * first slot and −1 for the others; `first`, `size` and `below` describe each rank's bin. Returns
 * the slots needed.
 */
function markBins(ranks: Int32Array, shift: number, s: SummaryScratch): number {
  const { counts, next, first, size, below } = s;
  const count = ranks.length;
  const odd = BINS + 1;
  let k = 0;
  let seen = 0;
  let slots = 0;
  for (let b = 0; b < BINS; b++) {
    const c = (counts[b] as number) + (counts[odd + b] as number);
    counts[b] = 0;
    counts[odd + b] = 0;
    if (k < count && (ranks[k] as number) - shift < seen + c) {
      next[b] = slots;
      while (k < count && (ranks[k] as number) - shift < seen + c) {
        first[k] = slots;
        size[k] = c;
        below[k] = seen;
        k++;
      }
      slots += c;
    } else next[b] = -1;
    seen += c;
  }
  return slots;
}

/** Copies the values of `x` in the wanted bins (`next` ≥ 0) to their slots in `into`, in order. */
function gatherBins(
  x: Float64Array,
  min: number,
  scale: number,
  next: Int32Array,
  into: Float64Array,
): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const b = binOf(v, min, scale);
    const slot = next[b] as number;
    if (slot < 0) continue;
    into[slot] = v;
    next[b] = slot + 1;
  }
}

/**
 * The order statistics of `x` at `ranks` less `shift` (0-based, ascending), exactly, without
 * sorting `x`, into `out[at …]`: one pass counts values into equal-width bins between `min` and
 * `max` (a monotone map, so bins keep the order), one gathers the values of the bins that hold a
 * wanted rank, and each such bin is sorted when small or binned again between its own extremes
 * (heavy tails put most values in a few bins); a bin of one repeated value is read as it is.
 * Returns the sum of the squared deviations from `mean`, in sample order. Needs
 * BINS / (max − min) finite and positive.
 */
function orderStatistics(
  x: Float64Array,
  ranks: Int32Array,
  shift: number,
  min: number,
  max: number,
  mean: number,
  out: Float64Array,
  at: number,
  s: SummaryScratch,
): number {
  const scale = BINS / (max - min);
  const squares = countBins(x, min, scale, mean, s.counts);
  const slots = markBins(ranks, shift, s);
  if (s.gathered.length < slots)
    s.gathered = new Float64Array(Math.max(slots, 2 * s.gathered.length));
  const values = s.gathered;
  gatherBins(x, min, scale, s.next, values);
  const { first, size, below, range } = s;
  for (let r = 0; r < ranks.length; ) {
    const from = first[r] as number;
    const base = below[r] as number;
    let last = r + 1;
    while (last < ranks.length && first[last] === from) last++;
    const bin = values.subarray(from, from + (size[r] as number));
    sumAndRange(bin, range);
    const lo = range[1] as number;
    const hi = range[2] as number;
    if (lo !== hi && bin.length > SMALL_BIN && Number.isFinite(BINS / (hi - lo))) {
      s.inner ??= summaryScratch(s.ranks.length);
      orderStatistics(bin, ranks.subarray(r, last), shift + base, lo, hi, 0, out, at + r, s.inner);
    } else {
      if (lo !== hi) bin.sort();
      for (let j = r; j < last; j++)
        out[at + j] = bin[(ranks[j] as number) - shift - base] as number;
    }
    r = last;
  }
  return squares;
}

/** The order statistics of `x` at `ranks` less `shift` by a full sort of a copy, into `out[at …]`. */
function selectBySort(
  x: Float64Array,
  ranks: Int32Array,
  shift: number,
  out: Float64Array,
  at: number,
): void {
  const sorted = x.slice().sort();
  for (let k = 0; k < ranks.length; k++)
    out[at + k] = sorted[(ranks[k] as number) - shift] as number;
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
