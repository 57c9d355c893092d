// Exact order statistics of a sample column without sorting it: values are counted into bins,
// and only the few bins that hold a wanted rank are gathered and sorted (or binned again). Also
// the sum and range of a column, which the binning needs, and the working memory reused between
// columns.

import { SUMMARY_QUANTILES } from "./summaryQuantiles.js";

/** Bins of the counting pass that locates order statistics before selecting among few values. */
export const BINS = 1024;

/** Bins this small are sorted outright; larger ones are binned again. */
export const SMALL_BIN = 256;

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
export function sumAndRange(x: Float64Array, range: Float64Array): void {
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
export function orderStatistics(
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
export function selectBySort(
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
