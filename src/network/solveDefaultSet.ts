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
 * paying `p[j]` (its total liabilities, for a solvent node).
 */
export interface DefaultSystem {
  /** The liabilities, row i = what i owes. */
  readonly liabilities: Csr;
  /** Row i = who owes node i, with value Π_ji = L_ji / p̄_j, the share of j's debts owed to i. */
  readonly owedTo: Csr;
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
}

/** Working memory of {@link solveDefaultSet} for a network of n nodes and m obligations. */
export interface DefaultSetWorkspace {
  /** The components solved by the last call, and so the nodes whose payments it set. */
  readonly components: ComponentsWorkspace;
  /** `previous[k]`: the payment of `components.order[k]` before the last call. */
  readonly previous: Float64Array;
  /** A node's position in the component being solved, −1 outside it (all −1 between calls). */
  readonly local: Int32Array;
  /** The nodes of the component being solved, by position. */
  readonly members: Int32Array;
  /** c_i + β·(what node i receives from outside the component), by position. */
  readonly rhs: Float64Array;
  /** The Gauss–Seidel iterate, by position. */
  readonly x: Float64Array;
  /** The component's obligations among its own nodes, row t = who in it owes member t. */
  readonly localStart: Int32Array;
  readonly localCol: Int32Array;
  /** β·Π_ji of each of those obligations. */
  readonly localWeight: Float64Array;
}

/** The working memory for `n` nodes and `m` obligations. */
export function defaultSetWorkspace(n: number, m: number): DefaultSetWorkspace {
  return {
    components: componentsWorkspace(n),
    previous: new Float64Array(n),
    local: new Int32Array(n).fill(-1),
    members: new Int32Array(n),
    rhs: new Float64Array(n),
    x: new Float64Array(n),
    localStart: new Int32Array(n + 1),
    localCol: new Int32Array(m),
    localWeight: new Float64Array(m),
  };
}

/**
 * Sets `sys.p` of the defaulters whose payments depend on the new defaulters `roots[0 … count −
 * 1]` (those, and every defaulter they owe, directly or through other defaulters) to the
 * greatest solution of the system, and returns how many nodes that is; they are listed in
 * `ws.components.order`, with their former payments in `ws.previous`. The payments of the other
 * defaulters do not change. The nodes are split into strongly connected components of the
 * obligations among defaulters and solved payers first: a component of one node exactly, in one
 * step; one of up to 32 nodes by dense elimination; a larger one by Gauss–Seidel sweeps (in
 * order of discovery, which follows the chains of debts) from the current payments, which lie
 * above the solution, until the estimated error is below 1e-15 of what each node owes (by
 * dense elimination instead when that takes more than 64 sweeps and the component has at most
 * 1,500 nodes). Iterating down from above reaches the greatest solution when several exist.
 */
export function solveDefaultSet(
  sys: DefaultSystem,
  ws: DefaultSetWorkspace,
  roots: Int32Array,
  count: number,
): number {
  const found = reachableComponents(sys.liabilities, sys.inD, roots, count, ws.components);
  const { order, componentEnd } = ws.components;
  for (let k = 0; k < found.nodes; k++) ws.previous[k] = sys.p[order[k] as number] as number;
  for (let c = found.components - 1; c >= 0; c--) {
    solveComponent(
      sys,
      ws,
      c === 0 ? 0 : (componentEnd[c - 1] as number),
      componentEnd[c] as number,
    );
  }
  return found.nodes;
}

/** Solves the component `ws.components.order[start … end − 1]`, its payers being settled. */
function solveComponent(
  sys: DefaultSystem,
  ws: DefaultSetWorkspace,
  start: number,
  end: number,
): void {
  const { owedTo, c, beta, p } = sys;
  const { local, members, rhs, localStart, localCol, localWeight } = ws;
  const order = ws.components.order;
  const size = end - start;
  for (let t = 0; t < size; t++) {
    const node = order[end - 1 - t] as number;
    local[node] = t;
    members[t] = node;
  }
  let nnz = 0;
  for (let t = 0; t < size; t++) {
    const i = members[t] as number;
    let r = c[i] as number;
    localStart[t] = nnz;
    for (let k = owedTo.rowStart[i] as number; k < (owedTo.rowStart[i + 1] as number); k++) {
      const j = owedTo.col[k] as number;
      const w = beta * (owedTo.value[k] as number);
      const l = local[j] as number;
      if (l >= 0) {
        localCol[nnz] = l;
        localWeight[nnz] = w;
        nnz++;
      } else {
        r += w * (p[j] as number);
      }
    }
    rhs[t] = r;
  }
  localStart[size] = nnz;
  if (nnz === 0) {
    for (let t = 0; t < size; t++) p[members[t] as number] = rhs[t] as number;
  } else if (size > DENSE_MAX || !solveDirect(sys, ws, size)) {
    solveIterative(sys, ws, size);
  }
  for (let t = 0; t < size; t++) local[members[t] as number] = -1;
}

/** Dense elimination of (I − W)·x = rhs; false when the matrix is singular. */
function solveDirect(sys: DefaultSystem, ws: DefaultSetWorkspace, size: number): boolean {
  const { members, rhs, localStart, localCol, localWeight } = ws;
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
  for (let t = 0; t < size; t++) sys.p[members[t] as number] = b[t] as number;
  return true;
}

/** Gauss–Seidel from the current payments, which lie above the solution. */
function solveIterative(sys: DefaultSystem, ws: DefaultSetWorkspace, size: number): void {
  const { p, totalLiabilities } = sys;
  const { members, rhs, x, localStart, localCol, localWeight } = ws;
  for (let t = 0; t < size; t++) x[t] = p[members[t] as number] as number;
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
    if (change === 0 || (r < 1 ? (change * r) / (1 - r) : change) <= TOLERANCE) break;
    if (sweep === SWEEPS_BEFORE_DIRECT && size <= DENSE_LIMIT && solveDirect(sys, ws, size)) return;
  }
  for (let t = 0; t < size; t++) p[members[t] as number] = x[t] as number;
}
