// The Cholesky factor of a symmetric matrix, and the test of positive definiteness it gives.

/**
 * The lower-triangular L with L·Lᵀ = A, or `null` when A is not positive definite (a pivot
 * ≤ 1e-12). A is a list of rows.
 *
 * @example cholesky([[4, 2], [2, 3]]) // [[2, 0], [1, 1.4142…]]
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i] as number[];
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as number[];
      let sum = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        if (sum <= 1e-12) return null;
        li[i] = Math.sqrt(sum);
      } else {
        li[j] = sum / (lj[j] as number);
      }
    }
  }
  return l;
}
