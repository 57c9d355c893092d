// Solving a small dense linear system whose matrix is column diagonally dominant, such as I − Wᵀ
// for a matrix W of relative liabilities among defaulters.

/** A pivot below this is taken as zero: the system is singular (a closed cycle with no leakage). */
const SINGULAR_PIVOT = 1e-12;

/**
 * Solves A·x = b in place by Gaussian elimination without pivoting, leaving x in `b`; `a` is the
 * s × s matrix row by row and is overwritten. Returns false (and leaves `b` undefined) when a
 * pivot falls below 1e-12, that is when A is singular or nearly so. Without pivoting this is
 * stable for matrices whose every column has a diagonal entry at least the sum of the absolute
 * values of its other entries (Wilkinson), which is the case of I − β·Πᵀ restricted to a set of
 * nodes, Π being the relative liabilities and 0 ≤ β ≤ 1. O(s³).
 *
 * @example solveColumnDominant(Float64Array.of(1, -0.5, -0.5, 1), Float64Array.of(1, 1), 2) // b = [2, 2]
 */
export function solveColumnDominant(a: Float64Array, b: Float64Array, s: number): boolean {
  for (let k = 0; k < s; k++) {
    const pivot = a[k * s + k] as number;
    if (!(pivot > SINGULAR_PIVOT)) return false;
    const bk = b[k] as number;
    for (let i = k + 1; i < s; i++) {
      const factor = (a[i * s + k] as number) / pivot;
      if (factor === 0) continue;
      for (let j = k + 1; j < s; j++)
        a[i * s + j] = (a[i * s + j] as number) - factor * (a[k * s + j] as number);
      b[i] = (b[i] as number) - factor * bk;
    }
  }
  for (let k = s - 1; k >= 0; k--) {
    let sum = b[k] as number;
    for (let j = k + 1; j < s; j++) sum -= (a[k * s + j] as number) * (b[j] as number);
    b[k] = sum / (a[k * s + k] as number);
  }
  return true;
}
