// Clears a quarter's obligations across the loop exactly: the greatest clearing vector of
// Eisenberg–Noe, or of Rogers–Veraart with default costs, by the fictitious-default algorithm on
// the small dense network of the scenario's companies. Allocation-free: the working memory is
// allocated once per run (ClearingWork).

import { solveColumnDominant } from "../network/solveColumnDominant.js";
import type { ObligationSlots } from "./obligationSlots.js";

/**
 * Working memory of clearQuarter for a loop of `E` companies. A class, not an object literal, so
 * that a second run in the same process keeps the step's compiled code (see Ctx).
 */
export class ClearingWork {
  /** L[k·E + j]: what company k owes company j this quarter. */
  readonly liabilities: Float64Array;
  /** Each company's outside assets: its cash plus what outside sectors pay it this quarter. */
  readonly external: Float64Array;
  /** Payments of the current round, and what each company receives from the others. */
  readonly payments: Float64Array;
  readonly received: Float64Array;
  /** The clearing round in which each company was first found short (0: never). */
  readonly round: Int32Array;
  /** The linear system on the default set (m × m, row-major) and its right-hand side. */
  readonly system: Float64Array;
  readonly rhs: Float64Array;
  /** Companies of the default set whose payments are solved, in index order. */
  readonly members: Int32Array;
  /** 1 for a company a stress shock forces to default this quarter: it pays nothing. */
  readonly forced: Uint8Array;

  /** Allocates the working memory for `E` companies. */
  constructor(E: number) {
    this.liabilities = new Float64Array(E * E);
    this.external = new Float64Array(E);
    this.payments = new Float64Array(E);
    this.received = new Float64Array(E);
    this.round = new Int32Array(E);
    this.system = new Float64Array(E * E);
    this.rhs = new Float64Array(E);
    this.members = new Int32Array(E);
    this.forced = new Uint8Array(E);
  }
}

/** A company pays "in full" when it pays at least this fraction of what it owes short of all. */
const SOLVENT = 1 - 1e-12;

function receive(w: ClearingWork, owed: Float64Array, E: number): void {
  const { liabilities: L, payments: p, received } = w;
  for (let j = 0; j < E; j++) received[j] = 0;
  for (let k = 0; k < E; k++) {
    const d = owed[k] as number;
    if (d <= 0) continue;
    const share = (p[k] as number) / d;
    if (share === 0) continue;
    for (let j = 0; j < E; j++) {
      const x = L[k * E + j] as number;
      if (x > 0) received[j] = (received[j] as number) + share * x;
    }
  }
}

/**
 * Solves p_d = α·e_d + β·(Σ_{j solvent} L_jd + Σ_{k ∈ D} p_k·L_kd / p̄_k) for the m members of the
 * default set (the column-dominant system (I − βΠᵀ)p = b, solved in place); false when it is
 * singular (a closed cycle of defaulters owing only each other, which has several solutions).
 */
function solveDefaultSet(
  w: ClearingWork,
  owed: Float64Array,
  E: number,
  m: number,
  alpha: number,
  beta: number,
): boolean {
  const { liabilities: L, external, round, system: A, rhs: b, members, payments: p } = w;
  for (let r = 0; r < m; r++) {
    const d = members[r] as number;
    let inflow = 0;
    for (let j = 0; j < E; j++) if (round[j] === 0) inflow += L[j * E + d] as number;
    b[r] = alpha * (external[d] as number) + beta * inflow;
    for (let c = 0; c < m; c++) {
      const k = members[c] as number;
      A[r * m + c] = (r === c ? 1 : 0) - (beta * (L[k * E + d] as number)) / (owed[k] as number);
    }
  }
  if (!solveColumnDominant(A, b, m)) return false;
  for (let r = 0; r < m; r++) {
    const d = members[r] as number;
    p[d] = Math.min(owed[d] as number, Math.max(0, b[r] as number));
  }
  return true;
}

/**
 * A singular default set (defaulters in a closed cycle): its greatest solution, reached by
 * iterating the clearing map down from the current payments (an upper bound).
 */
function iterateDefaultSet(
  w: ClearingWork,
  owed: Float64Array,
  E: number,
  alpha: number,
  beta: number,
): void {
  const { payments: p, external, received, round } = w;
  let largest = 0;
  for (let k = 0; k < E; k++) largest = Math.max(largest, owed[k] as number);
  for (let iteration = 0; iteration < 10_000; iteration++) {
    receive(w, owed, E);
    let change = 0;
    for (let d = 0; d < E; d++) {
      if (round[d] === 0) continue;
      const next = Math.min(
        owed[d] as number,
        alpha * (external[d] as number) + beta * (received[d] as number),
      );
      change = Math.max(change, Math.abs(next - (p[d] as number)));
      p[d] = next;
    }
    if (change <= 1e-13 * (1 + largest)) return;
  }
}

/**
 * Clears the quarter: writes into `f` the fraction of its obligations each company pays, into
 * `owed` what each owes, into `w.round` the clearing round in which each company was found short
 * (0: it pays in full) and into `w.received` what each receives from the others. `cash` is each
 * company's cash before payments; outside sectors pay in full. The greatest clearing vector of
 * Rogers & Veraart (2013), "Failure and rescue in an interbank network", Management Science
 * 59(4), by their algorithm: everyone pays in full; those who then cannot are the default set,
 * whose payments α·e + β·(received) solve a linear system with everyone else paying in full; the
 * set grows until no one else is short. α = β = 1 is Eisenberg & Noe (2001), whose
 * fictitious-default algorithm this is. A company short by less than 10⁻¹² of what it owes pays
 * in full. Companies marked in `w.forced` pay nothing and count as found short in round 1.
 *
 * @example clearQuarter(Float64Array.of(10), slots, Float64Array.of(20), f, owed, w, 1, 1) // f = [0.5], round [1]
 */
export function clearQuarter(
  cash: Float64Array,
  slots: Pick<ObligationSlots, "count" | "from" | "to">,
  due: Float64Array,
  f: Float64Array,
  owed: Float64Array,
  w: ClearingWork,
  alpha: number,
  beta: number,
): void {
  const E = cash.length;
  const { liabilities: L, external, payments: p, round, received, members } = w;
  for (let k = 0; k < E; k++) {
    owed[k] = 0;
    external[k] = cash[k] as number;
  }
  for (let k = 0; k < E * E; k++) L[k] = 0;
  for (let j = 0; j < slots.count; j++) {
    const x = due[j] as number;
    if (x <= 0) continue;
    const from = slots.from[j] as number;
    const to = slots.to[j] as number;
    if (from >= 0) {
      owed[from] = (owed[from] as number) + x;
      if (to >= 0) L[from * E + to] = (L[from * E + to] as number) + x;
    } else if (to >= 0) external[to] = (external[to] as number) + x;
  }
  let forcedCount = 0;
  for (let k = 0; k < E; k++) {
    p[k] = owed[k] as number;
    round[k] = 0;
    if (w.forced[k] === 0) continue;
    round[k] = 1;
    p[k] = 0;
    forcedCount++;
  }
  let m = 0;
  for (let r = 1; r <= E; r++) {
    receive(w, owed, E);
    const before = m;
    for (let k = 0; k < E; k++) {
      const d = owed[k] as number;
      if (round[k] !== 0 || d <= 0) continue;
      if ((external[k] as number) + (received[k] as number) < d * SOLVENT) round[k] = r;
    }
    m = 0;
    for (let k = 0; k < E; k++) if (round[k] !== 0 && w.forced[k] === 0) members[m++] = k;
    if (m === before && (r > 1 || forcedCount === 0)) break;
    if (!solveDefaultSet(w, owed, E, m, alpha, beta)) iterateDefaultSet(w, owed, E, alpha, beta);
  }
  receive(w, owed, E);
  for (let k = 0; k < E; k++) {
    const d = owed[k] as number;
    f[k] = d > 0 ? Math.min(1, (p[k] as number) / d) : 1;
  }
}
