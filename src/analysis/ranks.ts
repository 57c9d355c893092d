// Ranks of a sample, the building block of rank correlations.

import { sortOrder } from "./sortOrder.js";

/**
 * The rank of each value (1 = smallest), ties getting the average of the ranks they span.
 *
 * @example ranks(Float64Array.of(10, 30, 20, 20)) // [1, 4, 2.5, 2.5]
 */
export function ranks(x: Float64Array): Float64Array {
  const n = x.length;
  const order = sortOrder(x);
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1] as number] === x[order[i] as number]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k] as number] = rank;
    i = j + 1;
  }
  return out;
}
