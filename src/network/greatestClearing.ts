// The greatest clearing vector by rounds of fictitious default, with or without default costs:
// the algorithm shared by Eisenberg–Noe (α = β = 1) and Rogers–Veraart.

import type { ClearingInput } from "./clearingResult.js";
import type { Csr } from "./csr.js";
import { type DefaultSystem, defaultSetWorkspace, solveDefaultSet } from "./solveDefaultSet.js";

/**
 * A node is solvent when its assets reach (1 − 1e-12)·p̄: the floating-point noise on the assets
 * of a node that can exactly pay does not make it default. A node that owes nothing is solvent
 * whatever the noise on what it receives.
 */
const SOLVENCY_TOLERANCE = 1e-12;

/** The clearing vector and how it was reached; the network's p̄ and 1 / p̄, to derive the rest. */
export interface GreatestClearing {
  /** p: what each node pays. */
  readonly payments: Float64Array;
  /** p̄: what each node owes. */
  readonly totalLiabilities: Float64Array;
  /** 1 / p̄_j (0 when p̄_j = 0). */
  readonly inverse: Float64Array;
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
 * checked again, so a long chain of defaults costs O(its length). What each node receives is
 * kept up to date by passing each change of a payment on to the payer's creditors, so the
 * network is only ever read row by row, as given, and never transposed. 0 ≤ α, β ≤ 1.
 */
export function greatestClearing(
  input: ClearingInput,
  alpha: number,
  beta: number,
): GreatestClearing {
  const L = input.liabilities;
  const e = input.externalAssets;
  const { n, rowStart, col, value } = L;
  const pbar = Float64Array.from(input.externalLiabilities);
  const inverse = new Float64Array(n);
  let selfLoops = false;
  for (let j = 0; j < n; j++) {
    let owed = pbar[j] as number;
    for (let k = rowStart[j] as number; k < (rowStart[j + 1] as number); k++) {
      owed += value[k] as number;
      if (col[k] === j) selfLoops = true;
    }
    pbar[j] = owed;
    inverse[j] = owed > 0 ? 1 / owed : 0;
  }
  const p = pbar.slice();
  const received = receipts(L, p, pbar, inverse);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = alpha * (e[i] as number);
  const inD = new Uint8Array(n);
  const sys: DefaultSystem = {
    liabilities: L,
    inverse,
    selfLoops,
    totalLiabilities: pbar,
    c,
    beta,
    inD,
    p,
    received,
  };
  const ws = defaultSetWorkspace(n);
  const defaultRound = new Int32Array(n);
  let candidates: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) candidates[i] = i;
  let candidateCount = n;
  const fresh = new Int32Array(n);
  let round = 0;
  for (;;) {
    let count = 0;
    for (let k = 0; k < candidateCount; k++) {
      const i = candidates[k] as number;
      const owed = pbar[i] as number;
      const short = (e[i] as number) + (received[i] as number) < owed - SOLVENCY_TOLERANCE * owed;
      if (inD[i] === 0 && owed > 0 && short) {
        fresh[count++] = i;
      }
    }
    if (count === 0) break;
    round++;
    for (let k = 0; k < count; k++) {
      inD[fresh[k] as number] = 1;
      defaultRound[fresh[k] as number] = round;
    }
    candidateCount = solveDefaultSet(sys, ws, fresh, count, round);
    candidates = ws.candidates;
  }
  return { payments: p, totalLiabilities: pbar, inverse, defaultRound, rounds: round };
}

/**
 * Σ_j L_ji·(p_j / p̄_j) for every node i: what each receives when each node j pays p_j. A node
 * paying in full passes on its liabilities exactly.
 */
export function receipts(
  L: Csr,
  p: Float64Array,
  pbar: Float64Array,
  inverse: Float64Array,
): Float64Array {
  const { n, rowStart, col, value } = L;
  const received = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const pj = p[j] as number;
    const fraction = pj === pbar[j] ? 1 : pj * (inverse[j] as number);
    if (fraction === 0) continue;
    const end = rowStart[j + 1] as number;
    for (let k = rowStart[j] as number; k < end; k++) {
      const i = col[k] as number;
      received[i] = (received[i] as number) + (value[k] as number) * fraction;
    }
  }
  return received;
}
