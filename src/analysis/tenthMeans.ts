// How outputs differ between the samples where an input is low and where it is high: their means
// over the tenth of the samples with the lowest input and over the tenth with the highest.

import { sortOrder } from "./sortOrder.js";

/** An output's mean over the samples of the lowest and of the highest tenth of an input. */
export interface TenthMeans {
  /** Mean of the output where the input is in its lowest tenth. */
  readonly low: number;
  /** Mean of the output where the input is in its highest tenth. */
  readonly high: number;
}

/**
 * The mean of each of `outputs` over the ⌈n/10⌉ samples with the smallest `input` and over the
 * ⌈n/10⌉ with the largest (ties broken by sample order, so the result is deterministic), from one
 * sort of the input whatever the number of outputs. For a yes/no output (0 or 1) these are its
 * probabilities given a low and a high input.
 *
 * @example tenthMeans(Float64Array.of(1, 2, …, 10), [Float64Array.of(0, …, 0, 1)]) // [{ low: 0, high: 1 }]
 */
export function tenthMeans(input: Float64Array, outputs: readonly Float64Array[]): TenthMeans[] {
  const n = input.length;
  const order = sortOrder(input);
  const k = Math.max(1, Math.ceil(n / 10));
  return outputs.map((output) => {
    const mean = (from: number) => {
      let sum = 0;
      for (let i = from; i < from + k; i++) sum += output[order[i] as number] as number;
      return sum / k;
    };
    return { low: mean(0), high: mean(n - k) };
  });
}
