// Selection on a Float64Array: puts the k-th smallest value at index k, smaller-or-equal values
// before it and greater-or-equal after. Typed and comparator-free, since the summaries of a
// Monte Carlo run select thousands of times (d3-array's generic quickselect took 60% of a run).

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the value it would hold if that range were
 * sorted ascending, with every value before it ≤ a[k] and every value after it ≥ a[k]. Hoare
 * partitioning around a median-of-three pivot: expected O(right − left) time. Values must not be
 * NaN.
 *
 * @example const a = Float64Array.of(3, 1, 2); select(a, 1, 0, 2); a[1] // 2
 */
export function select(a: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const x = a[lo] as number;
    const y = a[(lo + hi) >>> 1] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
