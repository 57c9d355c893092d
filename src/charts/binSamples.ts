// Bins raw samples for a histogram: round bin edges (1, 2, 2.5 or 5 times a power of ten), so
// the same samples always give the same bins, and labels in the samples' unit.

import { axisLabel } from "./axisLabel.js";
import type { ValueUnit } from "./chartTypes.js";

/** The default number of bins. */
export const DEFAULT_BINS = 20;

/** The smallest round step (1, 2, 2.5 or 5 × 10^k) at least `raw`. */
function roundStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw) return factor * power;
  return 10 * power;
}

/**
 * The share of the finite `values` (non-finite ones are left out) in each of about `bins` bins of
 * equal, round width, labelled `low–high` in `unit`. The last bin includes its upper edge; all
 * equal values give one bin labelled with the value; no finite value gives no bins. A `bins`
 * below 1 or not finite stands for DEFAULT_BINS.
 */
export function binSamples(
  values: Float64Array,
  unit: ValueUnit,
  bins: number = DEFAULT_BINS,
): { label: string; value: number }[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ label: axisLabel(min, unit), value: 1 }];
  const wanted = Number.isFinite(bins) && bins >= 1 ? Math.floor(bins) : DEFAULT_BINS;
  const step = roundStep((max - min) / wanted);
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.ceil((max - start) / step));
  const counts = new Array<number>(count).fill(0);
  for (const v of finite) {
    const bin = Math.min(count - 1, Math.floor((v - start) / step));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((n, i) => ({
    label: `${axisLabel(start + i * step, unit)}–${axisLabel(start + (i + 1) * step, unit)}`,
    value: n / finite.length,
  }));
}
