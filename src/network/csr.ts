// A network of obligations in compressed sparse row form: row i lists what node i owes to whom.

/**
 * A sparse n × n matrix in compressed sparse row (CSR) form. Row i holds the entries k with
 * `rowStart[i] ≤ k < rowStart[i + 1]`: for a liabilities matrix, node i owes node `col[k]` the
 * amount `value[k]`. Node indices are 0-based.
 */
export interface Csr {
  /** Number of rows (and columns): the nodes. */
  readonly n: number;
  /** n + 1 offsets into `col` and `value`; `rowStart[n]` is the number of entries. */
  readonly rowStart: Int32Array;
  /** Column of each entry (the creditor, for a liabilities matrix). */
  readonly col: Int32Array;
  /** Value of each entry (the amount owed). */
  readonly value: Float64Array;
}

/**
 * The liabilities matrix of `n` nodes from a list of obligations `[i, j, x]`, "i owes j the
 * amount x". Several obligations from i to j are summed into one entry, kept where the first of
 * them was listed. Self-obligations (i owes i) are dropped, since owing oneself nets out, and so
 * are zero amounts. Indices are assumed to lie in [0, n) and amounts to be finite and ≥ 0 (the
 * caller validates them). O(n + edges).
 *
 * @example csrFromEdges(3, [[0, 1, 2], [0, 1, 3], [1, 1, 9], [2, 0, 1]])
 * // rowStart [0, 1, 1, 2], col [1, 0], value [5, 1]
 */
export function csrFromEdges(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
): Csr {
  const count = new Int32Array(n + 1);
  for (const [i, j, x] of edges)
    if (i !== j && x !== 0) count[i + 1] = (count[i + 1] as number) + 1;
  for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
  const rawCol = new Int32Array(count[n] as number);
  const rawValue = new Float64Array(count[n] as number);
  const next = count.slice(0, n);
  for (const [i, j, x] of edges) {
    if (i === j || x === 0) continue;
    const k = next[i] as number;
    rawCol[k] = j;
    rawValue[k] = x;
    next[i] = k + 1;
  }
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(rawCol.length);
  const value = new Float64Array(rawCol.length);
  const slot = new Int32Array(n).fill(-1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const begin = out;
    for (let k = count[i] as number; k < (count[i + 1] as number); k++) {
      const j = rawCol[k] as number;
      const at = slot[j] as number;
      if (at >= begin) {
        value[at] = (value[at] as number) + (rawValue[k] as number);
      } else {
        slot[j] = out;
        col[out] = j;
        value[out] = rawValue[k] as number;
        out++;
      }
    }
    rowStart[i + 1] = out;
  }
  return { n, rowStart, col: col.slice(0, out), value: value.slice(0, out) };
}
