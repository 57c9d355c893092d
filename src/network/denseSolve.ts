// Solves small dense linear systems A·x = b by LU factorisation with partial pivoting, factoring
// once and solving for as many right-hand sides as needed.

/** The LU factors of an n×n matrix: P·A = L·U, L unit lower-triangular, both packed in `lu`. */
export interface LuFactors {
  /** The order of the matrix. */
  readonly n: number;
  /** L below the diagonal (its unit diagonal implied) and U on and above it, row-major. */
  readonly lu: Float64Array;
  /** Row i of P·A is row `pivots[i]` of A. */
  readonly pivots: Int32Array;
}

/**
 * The LU factors of the n×n row-major matrix `a` (left unchanged), by Gaussian elimination with
 * partial pivoting (Golub & Van Loan, Algorithm 3.4.1), or `null` when a pivot is exactly 0 (A
 * singular).
 *
 * @example luSolve(luFactor(Float64Array.of(0, 1, 2, 0), 2)!, Float64Array.of(3, 4)) // [2, 3]
 */
export function luFactor(a: Float64Array, n: number): LuFactors | null {
  const lu = Float64Array.from(a);
  const pivots = new Int32Array(n);
  for (let i = 0; i < n; i++) pivots[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0) return null;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
      const t = pivots[k] as number;
      pivots[k] = pivots[p] as number;
      pivots[p] = t;
    }
    const pivot = lu[k * n + k] as number;
    for (let i = k + 1; i < n; i++) {
      const factor = (lu[i * n + k] as number) / pivot;
      lu[i * n + k] = factor;
      if (factor === 0) continue;
      for (let j = k + 1; j < n; j++) {
        lu[i * n + j] = (lu[i * n + j] as number) - factor * (lu[k * n + j] as number);
      }
    }
  }
  return { n, lu, pivots };
}

/** The x with A·x = b, from the factors of A. */
export function luSolve(factors: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, pivots } = factors;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[pivots[i] as number] as number;
    for (let j = 0; j < i; j++) sum -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = sum;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let j = i + 1; j < n; j++) sum -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = sum / (lu[i * n + i] as number);
  }
  return x;
}
