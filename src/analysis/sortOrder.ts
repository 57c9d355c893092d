// The order that sorts a sample (an "argsort"), stable: equal values keep their sample order.
// Sorting indices with a comparator calls back into JavaScript for every comparison; this is a
// least-significant-digit radix sort of the values' bits instead (each double mapped to an unsigned
// 64-bit key in the same order), eight passes of one byte each, skipping bytes all values share.
// Radix sorting is stable, so equal values stay in index order.

/**
 * The sample indices of `x` in ascending order of value, equal values (−0 and 0 among them) in
 * ascending order of index, and NaN values last: what sorting the indices with
 * `(a, b) => x[a] − x[b] || a − b` gives when `x` has no NaN.
 *
 * @example sortOrder(Float64Array.of(3, 1, 3, 2)) // [1, 3, 0, 2]
 */
export function sortOrder(x: Float64Array): Uint32Array {
  const n = x.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const bits = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    // One key for −0 and 0, and one for every NaN (above +∞).
    bits.setFloat64(0, v === 0 ? 0 : Number.isNaN(v) ? Number.NaN : v);
    const h = bits.getUint32(0);
    const l = bits.getUint32(4);
    // Negative doubles order backwards: flip all their bits; positive ones go above them.
    hi[i] = h & 0x80000000 ? ~h : h | 0x80000000;
    lo[i] = h & 0x80000000 ? ~l : l;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const words = pass < 4 ? lo : hi;
    const shift = 8 * (pass % 4);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((words[i] as number) >>> shift) & 255;
      count[d] = (count[d] as number) + 1;
    }
    if (n === 0 || count[((words[0] as number) >>> shift) & 255] === n) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const s = order[i] as number;
      const d = ((words[s] as number) >>> shift) & 255;
      next[count[d] as number] = s;
      count[d] = (count[d] as number) + 1;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
