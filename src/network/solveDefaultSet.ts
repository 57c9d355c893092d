// The exact payments of a fixed set of defaulters: the linear system of the fictitious-default
// algorithm, solved component by component over the part of the default set that has changed.

import type { Csr } from "./csr.js";
import {
  type ComponentsWorkspace,
  componentsWorkspace,
  reachableComponents,
} from "./reachableComponents.js";
import { solveColumnDominant } from "./solveColumnDominant.js";

/** Components of at most this many nodes are solved directly (dense elimination). */
const DENSE_MAX = 32;
/** Gauss–Seidel sweeps after which a slowly converging component is solved directly instead. */
const SWEEPS_BEFORE_DIRECT = 64;
/** Largest component solved directly when Gauss–Seidel is slow (its cost is size³ / 3). */
const DENSE_LIMIT = 1500;
/** Sweeps after which Gauss–Seidel stops on a component too large to solve directly. */
const MAX_SWEEPS = 10_000;
/** Convergence: estimated error of every payment, relative to what the node owes. */
const TOLERANCE = 1e-15;

/**
 * The system x_i = c_i + β·Σ_j Π_ji·x_j for the defaulters i (`inD[i] = 1`), every other node j
 * paying `p[j]` (its total liabilities, for a solvent node), with what each node receives kept
 * up to date as payments change.
 */
export interface DefaultSystem {
  /** The liabilities, row j = what j owes to whom. */
  readonly liabilities: Csr;
  /** 1 / p̄_j (0 when p̄_j = 0), so that Π_ji = L_ji / p̄_j, the share of j's debts owed to i. */
  readonly inverse: Float64Array;
  /** Whether some node owes itself (never, for liabilities built by `csrFromEdges`). */
  readonly selfLoops: boolean;
  /** p̄: what each node owes in total. */
  readonly totalLiabilities: Float64Array;
  /** c_i: what defaulter i pays out of its external assets (α·e_i). */
  readonly c: Float64Array;
  /** β: the share of what it receives that a defaulter passes on. */
  readonly beta: number;
  /** 1 for the defaulters. */
  readonly inD: Uint8Array;
  /** The payments, updated in place. */
  readonly p: Float64Array;
  /** Σ_j Π_ji·p_j: what each node receives, updated in place with `p`. */
  readonly received: Float64Array;
}

/** Working memory of {@link solveDefaultSet} for a network of n nodes. */
export interface DefaultSetWorkspace {
  /** The components being solved. */
  readonly components: ComponentsWorkspace;
  /** Output: the solvent nodes whose receipts fell in the last call. */
  readonly candidates: Int32Array;
  /** The call in which a node was last listed in `candidates`. */
  readonly listed: Int32Array;
  /** A node's position in the component being solved, −1 outside it (all −1 between calls). */
  readonly local: Int32Array;
  /** The nodes of the component being solved, by position. */
  readonly members: Int32Array;
  /** c_i + β·(what member i receives from outside the component), by position. */
  readonly rhs: Float64Array;
  /** The new payments, by position. */
  readonly x: Float64Array;
  /** The component's obligations among its own nodes: row t = who in it owes member t… */
  readonly localStart: Int32Array;
  /** (grown as needed) */
  localCol: Int32Array;
  /** …and β·Π_ji of each (grown as needed). */
  localWeight: Float64Array;
}

/** The working memory for `n` nodes. */
export function defaultSetWorkspace(n: number): DefaultSetWorkspace {
  return {
    components: componentsWorkspace(n),
    candidates: new Int32Array(n),
    listed: new Int32Array(n),
    local: new Int32Array(n).fill(-1),
    members: new Int32Array(n),
    rhs: new Float64Array(n),
    x: new Float64Array(n),
    localStart: new Int32Array(n + 2),
    localCol: new Int32Array(0),
    localWeight: new Float64Array(0),
  };
}

/**
 * Sets `sys.p` of the defaulters whose payments depend on the new defaulters `roots[0 … count −
 * 1]` (those, and every defaulter they owe, directly or through other defaulters) to the
 * greatest solution of the system, updates `sys.received`, lists in `ws.candidates` the solvent
 * nodes whose receipts fell and returns how many they are. `call` must differ from one call to
 * the next (and from 0). The payments of the other defaulters do not change. The nodes are split
 * into strongly connected components of the obligations among defaulters and solved payers
 * first: a component of one node exactly, in one step; one of up to 32 nodes by dense
 * elimination; a larger one by Gauss–Seidel sweeps (in order of discovery, which follows the
 * chains of debts) from the current payments, which lie above the solution, until the estimated
 * error is below 1e-15 of what each node owes (by dense elimination instead when that takes
 * more than 64 sweeps and the component has at most 1,500 nodes). Iterating down from above
 * reaches the greatest solution when several exist.
 */
export function solveDefaultSet(
  sys: DefaultSystem,
  ws: DefaultSetWorkspace,
  roots: Int32Array,
  count: number,
  call: number,
): number {
  const found = reachableComponents(sys.liabilities, sys.inD, roots, count, ws.components);
  const { order, componentEnd: end } = ws.components;
  const { c, beta, received, selfLoops } = sys;
  const { members, x } = ws;
  let candidates = 0;
  for (let k = found.components - 1; k >= 0; k--) {
    const start = k === 0 ? 0 : (end[k - 1] as number);
    const size = (end[k] as number) - start;
    if (size === 1 && !selfLoops) {
      const i = order[start] as number;
      candidates = pay(
        sys,
        ws,
        i,
        (c[i] as number) + beta * (received[i] as number),
        call,
        candidates,
      );
      continue;
    }
    gather(sys, ws, start, size);
    if (ws.localStart[size] === 0) {
      x.set(ws.rhs.subarray(0, size));
    } else if (size > DENSE_MAX || !solveDirect(ws, size)) {
      solveIterative(sys, ws, size);
    }
    for (let t = 0; t < size; t++) ws.local[members[t] as number] = -1;
    for (let t = 0; t < size; t++) {
      candidates = pay(sys, ws, members[t] as number, x[t] as number, call, candidates);
    }
  }
  return candidates;
}

/**
 * Numbers the component of `size` nodes at `ws.components.order[start …]` (in order of
 * discovery), gathers its internal obligations by creditor, its right-hand side from its
 * receipts from outside, and its current payments into `ws.x`.
 */
function gather(sys: DefaultSystem, ws: DefaultSetWorkspace, start: number, size: number): void {
  const { liabilities, inverse, c, beta, p, received } = sys;
  const { rowStart, col, value } = liabilities;
  const { local, members, rhs, x, localStart } = ws;
  const order = ws.components.order;
  for (let t = 0; t < size; t++) {
    const node = order[start + size - 1 - t] as number;
    local[node] = t;
    members[t] = node;
  }
  localStart.fill(0, 0, size + 2);
  for (let t = 0; t < size; t++) {
    const j = members[t] as number;
    for (let k = rowStart[j] as number; k < (rowStart[j + 1] as number); k++) {
      const l = local[col[k] as number] as number;
      if (l >= 0) localStart[l + 2] = (localStart[l + 2] as number) + 1;
    }
  }
  for (let t = 0; t < size; t++) {
    localStart[t + 2] = (localStart[t + 2] as number) + (localStart[t + 1] as number);
    x[t] = 0;
  }
  const internal = localStart[size + 1] as number;
  if (ws.localCol.length < internal) {
    ws.localCol = new Int32Array(2 * internal);
    ws.localWeight = new Float64Array(2 * internal);
  }
  const { localCol, localWeight } = ws;
  for (let t = 0; t < size; t++) {
    const j = members[t] as number;
    const fraction = (p[j] as number) * (inverse[j] as number);
    for (let k = rowStart[j] as number; k < (rowStart[j + 1] as number); k++) {
      const l = local[col[k] as number] as number;
      if (l < 0) continue;
      const at = localStart[l + 1] as number;
      localCol[at] = t;
      localWeight[at] = beta * (value[k] as number) * (inverse[j] as number);
      localStart[l + 1] = at + 1;
      x[l] = (x[l] as number) + (value[k] as number) * fraction;
    }
  }
  for (let t = 0; t < size; t++) {
    const i = members[t] as number;
    rhs[t] = (c[i] as number) + beta * ((received[i] as number) - (x[t] as number));
    x[t] = p[i] as number;
  }
}

/**
 * Sets node j's payment to `payment` (0 when rounding leaves it below: the receipts a solve starts
 * from are sums kept up to date by differences, and a defaulter paid nothing can come out at
 * −1e-17), passes the change on to what its creditors receive, lists the solvent ones in
 * `ws.candidates` after the `count` already there, and returns the new count.
 */
function pay(
  sys: DefaultSystem,
  ws: DefaultSetWorkspace,
  j: number,
  payment: number,
  call: number,
  count: number,
): number {
  const { liabilities, inverse, inD, p, received } = sys;
  const { rowStart, col, value } = liabilities;
  const { candidates, listed } = ws;
  const paid = Math.max(0, payment);
  const change = (paid - (p[j] as number)) * (inverse[j] as number);
  if (change === 0) return count;
  p[j] = paid;
  let listedCount = count;
  const end = rowStart[j + 1] as number;
  for (let k = rowStart[j] as number; k < end; k++) {
    const i = col[k] as number;
    received[i] = (received[i] as number) + (value[k] as number) * change;
    if (inD[i] === 0 && listed[i] !== call) {
      listed[i] = call;
      candidates[listedCount++] = i;
    }
  }
  return listedCount;
}

/** Dense elimination of (I − W)·x = rhs into `ws.x`; false when the matrix is singular. */
function solveDirect(ws: DefaultSetWorkspace, size: number): boolean {
  const { rhs, x, localStart, localCol, localWeight } = ws;
  const a = new Float64Array(size * size);
  const b = rhs.slice(0, size);
  for (let t = 0; t < size; t++) {
    a[t * size + t] = 1;
    for (let k = localStart[t] as number; k < (localStart[t + 1] as number); k++) {
      const at = t * size + (localCol[k] as number);
      a[at] = (a[at] as number) - (localWeight[k] as number);
    }
  }
  if (!solveColumnDominant(a, b, size)) return false;
  x.set(b);
  return true;
}

/** Gauss–Seidel in `ws.x` from the current payments, which lie above the solution. */
function solveIterative(sys: DefaultSystem, ws: DefaultSetWorkspace, size: number): void {
  const { totalLiabilities } = sys;
  const { members, rhs, x, localStart, localCol, localWeight } = ws;
  let previous = Number.NaN;
  let previousRatio = Number.NaN;
  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    let change = 0;
    for (let t = 0; t < size; t++) {
      let v = rhs[t] as number;
      for (let k = localStart[t] as number; k < (localStart[t + 1] as number); k++) {
        v += (localWeight[k] as number) * (x[localCol[k] as number] as number);
      }
      const d = Math.abs(v - (x[t] as number)) / (totalLiabilities[members[t] as number] as number);
      if (d > change) change = d;
      x[t] = v;
    }
    // The error left is about change·r/(1 − r) for a contraction by r per sweep, r estimated
    // (cautiously) from the last two sweeps. Until there are two ratios, or when r ≥ 1 (the
    // iterate moving by rounding noise only), the change itself must be below the tolerance.
    const ratio = change / previous;
    const r = Math.max(ratio, previousRatio);
    previous = change;
    previousRatio = ratio;
    if (change === 0 || (r < 1 ? (change * r) / (1 - r) : change) <= TOLERANCE) return;
    if (sweep === SWEEPS_BEFORE_DIRECT && size <= DENSE_LIMIT && solveDirect(ws, size)) return;
  }
}
