// No-arbitrage values of firms that hold each other's equity and debt (Suzuki 2002, Fischer
// 2014): each firm's value is its external assets plus its shares of the others' equity and debt,
// split between its creditors (first) and its shareholders.

/** Firms with external assets, nominal debt and cross-holdings of equity and debt. */
export interface CrossOwnershipInput {
  /** Number of firms, indexed 0 … n − 1. */
  readonly n: number;
  /** `[i, j, s]`: i holds the share s of j's equity (Mˢ_ij). Column sums < 1; pairs add up. */
  readonly equityCrossHoldings: ReadonlyArray<readonly [number, number, number]>;
  /** `[i, j, s]`: i holds the share s of j's debt (Mᵈ_ij). Column sums < 1; pairs add up. */
  readonly debtCrossHoldings: ReadonlyArray<readonly [number, number, number]>;
  /** a_i ≥ 0: the value of each firm's assets outside the system. */
  readonly externalAssets: Float64Array;
  /** d_i ≥ 0: what each firm owes at maturity, all of one seniority. */
  readonly nominalDebt: Float64Array;
}

/** The no-arbitrage values at maturity. */
export interface CrossOwnershipResult {
  /** r = a + Mˢ·s + Mᵈ·b: each firm's total value. */
  readonly firmValue: Float64Array;
  /** s = max(0, r − d): the value of each firm's equity. */
  readonly equityValue: Float64Array;
  /** b = min(d, r): the value of each firm's debt (what its creditors recover). */
  readonly debtValue: Float64Array;
  /** 1 where r < d. */
  readonly defaulted: Uint8Array;
  /** (1 − Σ_i Mˢ_ij)·s_j: the part of firm j's equity value held outside the system. */
  readonly equityValueToOutsideHolders: Float64Array;
  /** (1 − Σ_i Mᵈ_ij)·b_j: the part of firm j's debt value held outside the system. */
  readonly debtValueToOutsideHolders: Float64Array;
  /** Picard iterations done. */
  readonly iterations: number;
  /** Whether successive iterates agreed to TOLERANCE before MAX_ITERATIONS. */
  readonly converged: boolean;
}

/** Iteration stops when no value moves by more than this, relative to the largest value. */
const TOLERANCE = 1e-13;

/** Iterations after which the Picard iteration gives up (`converged: false`). */
const MAX_ITERATIONS = 100_000;

/** Cross-holdings grouped by holder i: `held[e]` is the firm whose claim i holds `share[e]` of. */
interface HolderLists {
  readonly start: Int32Array;
  readonly held: Int32Array;
  readonly share: Float64Array;
  /** Σ_i M_ij for each firm j: the share of j's claim held inside the system. */
  readonly heldInside: Float64Array;
}

/** The cross-holdings `edges` grouped by holder. */
function holderLists(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
): HolderLists {
  const start = new Int32Array(n + 1);
  for (const [i] of edges) start[i + 1] = (start[i + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const held = new Int32Array(edges.length);
  const share = new Float64Array(edges.length);
  const heldInside = new Float64Array(n);
  for (const [i, j, s] of edges) {
    const at = fill[i] as number;
    fill[i] = at + 1;
    held[at] = j;
    share[at] = s;
    heldInside[j] = (heldInside[j] as number) + s;
  }
  return { start, held, share, heldInside };
}

/** Writes r = a + Mˢ·s + Mᵈ·b into `r`. */
function firmValues(
  a: Float64Array,
  equity: HolderLists,
  debt: HolderLists,
  s: Float64Array,
  b: Float64Array,
  r: Float64Array,
): void {
  const { start: es, held: eh, share: ew } = equity;
  const { start: ds, held: dh, share: dw } = debt;
  for (let i = 0; i < r.length; i++) {
    let v = a[i] as number;
    const eEnd = es[i + 1] as number;
    for (let e = es[i] as number; e < eEnd; e++) {
      v += (ew[e] as number) * (s[eh[e] as number] as number);
    }
    const dEnd = ds[i + 1] as number;
    for (let e = ds[i] as number; e < dEnd; e++) {
      v += (dw[e] as number) * (b[dh[e] as number] as number);
    }
    r[i] = v;
  }
}

/**
 * The no-arbitrage values of Suzuki (2002), "Valuing corporate debt: the effect of cross-holdings
 * of stock and debt", Journal of the Operations Research Society of Japan 45, and Fischer (2014),
 * "No-arbitrage pricing under cross-ownership", Mathematical Finance 24(1): 97–124, with one
 * seniority of debt. Firms are indexed from 0; Mˢ_ij (Mᵈ_ij) is the share of j's equity (debt)
 * held by i. The values solve
 *
 *   r = a + Mˢ·s + Mᵈ·b,   s = max(0, r − d),   b = min(d, r),
 *
 * and firm i has defaulted iff r_i < d_i. When every column of Mˢ and of Mᵈ sums to less than 1
 * the map is a contraction in the ℓ1 norm, with rate c the largest column sum (s + b = r and both
 * rise with r), so the solution is unique. Solved by Picard iteration from the upper bound
 * s_j = Σa / (1 − c), b = d (at the solution Σ_j r_j ≤ Σa / (1 − c)): the map is monotone, so
 * every iterate stays above the solution, and they converge to it geometrically. Stops when
 * successive iterates agree to 1e-13 relative to the largest value, or after 100,000 iterations
 * (`converged: false`); each iteration costs O(n + edges). The outside holders' values add up to
 * the external assets, Σ_j (1 − Σ_i Mˢ_ij)·s_j + (1 − Σ_i Mᵈ_ij)·b_j = Σ_j a_j (Fischer's
 * irrelevance of the capital structure for external holders): cross-holdings move value around
 * the system but create none.
 *
 * @example crossOwnership({ n: 2, equityCrossHoldings: [[0, 1, 0.5], [1, 0, 0.25]], debtCrossHoldings: [], externalAssets: Float64Array.of(3, 2), nominalDebt: Float64Array.of(1, 1) })
 * // equityValue [20/7, 12/7], debtValue [1, 1], nobody defaulted
 */
export function crossOwnership(input: CrossOwnershipInput): CrossOwnershipResult {
  const { n, externalAssets: a, nominalDebt: d } = input;
  const equity = holderLists(n, input.equityCrossHoldings);
  const debt = holderLists(n, input.debtCrossHoldings);
  let totalAssets = 0;
  let c = 0;
  for (let j = 0; j < n; j++) {
    totalAssets += a[j] as number;
    c = Math.max(c, equity.heldInside[j] as number, debt.heldInside[j] as number);
  }
  const s = new Float64Array(n).fill(totalAssets / (1 - c));
  const b = Float64Array.from(d);
  const r = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < MAX_ITERATIONS) {
    firmValues(a, equity, debt, s, b, r);
    iterations++;
    let change = 0;
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const ri = r[i] as number;
      const di = d[i] as number;
      const si = Math.max(0, ri - di);
      const bi = Math.min(di, ri);
      change = Math.max(change, Math.abs(si - (s[i] as number)), Math.abs(bi - (b[i] as number)));
      largest = Math.max(largest, si, bi);
      s[i] = si;
      b[i] = bi;
    }
    converged = change <= TOLERANCE * largest;
  }
  firmValues(a, equity, debt, s, b, r);
  const defaulted = new Uint8Array(n);
  const equityValueToOutsideHolders = new Float64Array(n);
  const debtValueToOutsideHolders = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const rj = r[j] as number;
    const dj = d[j] as number;
    s[j] = Math.max(0, rj - dj);
    b[j] = Math.min(dj, rj);
    defaulted[j] = rj < dj ? 1 : 0;
    equityValueToOutsideHolders[j] = (1 - (equity.heldInside[j] as number)) * (s[j] as number);
    debtValueToOutsideHolders[j] = (1 - (debt.heldInside[j] as number)) * (b[j] as number);
  }
  return {
    firmValue: r,
    equityValue: s,
    debtValue: b,
    defaulted,
    equityValueToOutsideHolders,
    debtValueToOutsideHolders,
    iterations,
    converged,
  };
}
