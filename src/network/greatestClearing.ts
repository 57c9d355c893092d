// The greatest clearing vector by rounds of fictitious default, with or without default costs:
// the algorithm shared by Eisenberg–Noe (α = β = 1) and Rogers–Veraart.

import type { ClearingInput } from "./clearingResult.js";
import { type Csr, transposeCsr } from "./csr.js";
import { type DefaultSystem, defaultSetWorkspace, solveDefaultSet } from "./solveDefaultSet.js";

/**
 * A node is solvent when its assets reach (1 − 1e-12)·p̄: the floating-point noise on the assets
 * of a node that can exactly pay does not make it default.
 */
const SOLVENCY_TOLERANCE = 1e-12;

/** The clearing vector and how it was reached; the network's p̄ and Πᵀ, to derive the rest. */
export interface GreatestClearing {
  /** p: what each node pays. */
  readonly payments: Float64Array;
  /** p̄: what each node owes. */
  readonly totalLiabilities: Float64Array;
  /** Row i = who owes node i, with value Π_ji = L_ji / p̄_j. */
  readonly owedTo: Csr;
  /** 0 = never defaults, k = first found insolvent in round k. */
  readonly defaultRound: Int32Array;
  /** Rounds that found new defaulters. */
  readonly rounds: number;
}

/**
 * The greatest clearing vector when a defaulter i pays α·e_i + β·(what it receives), e being the
 * external assets, and a solvent node pays everything it owes, p̄_i (Rogers & Veraart 2013; with
 * α = β = 1 it is the fictitious-default algorithm of Eisenberg & Noe 2001). Round k: with the
 * payments of round k − 1 (everybody paying in full in round 1), every node whose assets
 * e_i + Σ_j Π_ji·p_j fall short of p̄_i by more than 1e-12·p̄_i defaults; if none newly does, the
 * payments are the clearing vector; else the defaulters' payments are solved for exactly, the
 * others paying in full. Only the defaulters that depend on the new ones are solved again (see
 * {@link solveDefaultSet}), and only the solvent creditors of nodes whose payments fell are
 * checked again, so a long chain of defaults costs O(its length). 0 ≤ α, β ≤ 1.
 */
export function greatestClearing(
  input: ClearingInput,
  alpha: number,
  beta: number,
): GreatestClearing {
  const L = input.liabilities;
  const e = input.externalAssets;
  const { n } = L;
  const m = L.rowStart[n] as number;
  const pbar = Float64Array.from(input.externalLiabilities);
  for (let i = 0; i < n; i++) {
    for (let k = L.rowStart[i] as number; k < (L.rowStart[i + 1] as number); k++) {
      pbar[i] = (pbar[i] as number) + (L.value[k] as number);
    }
  }
  const share = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let k = L.rowStart[i] as number; k < (L.rowStart[i + 1] as number); k++) {
      share[k] = (pbar[i] as number) > 0 ? (L.value[k] as number) / (pbar[i] as number) : 0;
    }
  }
  const owedTo = transposeCsr({ n, rowStart: L.rowStart, col: L.col, value: share });
  const p = pbar.slice();
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = alpha * (e[i] as number);
  const inD = new Uint8Array(n);
  const sys: DefaultSystem = { liabilities: L, owedTo, totalLiabilities: pbar, c, beta, inD, p };
  const ws = defaultSetWorkspace(n, m);
  const defaultRound = new Int32Array(n);
  const received = new Float64Array(n);
  for (let i = 0; i < n; i++) received[i] = inflow(owedTo, p, i);
  const candidates = new Int32Array(n);
  for (let i = 0; i < n; i++) candidates[i] = i;
  let candidateCount = n;
  const fresh = new Int32Array(n);
  const seen = new Int32Array(n);
  let round = 0;
  for (;;) {
    let count = 0;
    for (let k = 0; k < candidateCount; k++) {
      const i = candidates[k] as number;
      const owed = pbar[i] as number;
      if (
        inD[i] === 0 &&
        (e[i] as number) + (received[i] as number) < owed - SOLVENCY_TOLERANCE * owed
      ) {
        fresh[count++] = i;
      }
    }
    if (count === 0) break;
    round++;
    for (let k = 0; k < count; k++) {
      inD[fresh[k] as number] = 1;
      defaultRound[fresh[k] as number] = round;
    }
    const solved = solveDefaultSet(sys, ws, fresh, count);
    candidateCount = 0;
    const order = ws.components.order;
    for (let k = 0; k < solved; k++) {
      const j = order[k] as number;
      const fall = (ws.previous[k] as number) - (p[j] as number);
      if (fall === 0) continue;
      for (let q = L.rowStart[j] as number; q < (L.rowStart[j + 1] as number); q++) {
        const i = L.col[q] as number;
        if (inD[i] === 1) continue;
        received[i] = (received[i] as number) - (share[q] as number) * fall;
        if (seen[i] !== round) {
          seen[i] = round;
          candidates[candidateCount++] = i;
        }
      }
    }
  }
  return { payments: p, totalLiabilities: pbar, owedTo, defaultRound, rounds: round };
}

/** Σ_j Π_ji·p_j: what node i receives when each node j pays p_j. */
export function inflow(owedTo: Csr, p: Float64Array, i: number): number {
  let sum = 0;
  for (let k = owedTo.rowStart[i] as number; k < (owedTo.rowStart[i + 1] as number); k++) {
    sum += (owedTo.value[k] as number) * (p[owedTo.col[k] as number] as number);
  }
  return sum;
}
