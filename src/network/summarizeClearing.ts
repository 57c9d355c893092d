// Everything that follows from a clearing vector: receipts, defaults, equity, recovery rates and
// where the network's external assets end up.

import type { ClearingInput, ClearingResult } from "./clearingResult.js";
import { type GreatestClearing, receipts } from "./greatestClearing.js";

/**
 * The full result of a clearing `g` of `input` in which defaulters pay α·e_i + β·received_i.
 * Receipts are recomputed from the payments in one pass. A node defaults iff it was found
 * insolvent in some round, and then pays less than it owes. Equity is assets − p̄ for a solvent
 * node (at least 0) and 0 for a defaulter; the deadweight loss is what defaulters' default costs
 * destroy, Σ (1 − α)·e_i + (1 − β)·received_i, so that total equity + external creditors'
 * payments + deadweight loss = total external assets.
 */
export function summarizeClearing(
  input: ClearingInput,
  g: GreatestClearing,
  alpha: number,
  beta: number,
): ClearingResult {
  const { payments: p, totalLiabilities: pbar, defaultRound } = g;
  const e = input.externalAssets;
  const external = input.externalLiabilities;
  const n = p.length;
  const paymentsReceived = receipts(input.liabilities, p, pbar, g.inverse);
  const defaulted = new Uint8Array(n);
  const equity = new Float64Array(n);
  const netPosition = new Float64Array(n);
  const recoveryRate = new Float64Array(n);
  let totalShortfall = 0;
  let externalCreditorPayments = 0;
  let externalLiabilities = 0;
  let deadweightLoss = 0;
  let totalEquity = 0;
  for (let i = 0; i < n; i++) {
    const received = paymentsReceived[i] as number;
    const owed = pbar[i] as number;
    const paid = p[i] as number;
    const net = (e[i] as number) + received - owed;
    netPosition[i] = net;
    recoveryRate[i] = owed > 0 ? paid / owed : 1;
    totalShortfall += owed - paid;
    externalLiabilities += external[i] as number;
    if (owed > 0) externalCreditorPayments += (paid * (external[i] as number)) / owed;
    if (defaultRound[i] !== 0) {
      defaulted[i] = 1;
      deadweightLoss += (1 - alpha) * (e[i] as number) + (1 - beta) * received;
    } else {
      equity[i] = Math.max(0, net);
      totalEquity += equity[i] as number;
    }
  }
  return {
    payments: p,
    totalLiabilities: pbar,
    paymentsReceived,
    defaulted,
    defaultRound,
    equity,
    netPosition,
    recoveryRate,
    totalShortfall,
    externalCreditorPayments,
    externalCreditorLoss: externalLiabilities - externalCreditorPayments,
    deadweightLoss,
    totalEquity,
    rounds: g.rounds,
  };
}
