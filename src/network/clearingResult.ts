// What a clearing algorithm reads (a network of obligations and each node's outside money) and
// what it returns (who pays what, who defaults, and where the value ends up).

import type { Csr } from "./csr.js";

/**
 * A network to clear. Node indices are 0-based; all amounts are finite and ≥ 0.
 */
export interface ClearingInput {
  /** Row i: what node i owes to other nodes (built by `csrFromEdges`). */
  readonly liabilities: Csr;
  /** e_i: what node i has from outside the network (cash, outside assets at their value). */
  readonly externalAssets: Float64Array;
  /** What node i owes outside the network, ranking equally with what it owes to nodes. */
  readonly externalLiabilities: Float64Array;
}

/**
 * The outcome of clearing a network: a clearing vector p and what follows from it. A node's
 * assets are its external assets plus what it receives; p̄_i is everything it owes.
 */
export interface ClearingResult {
  /** p_i: what node i pays in total, to nodes and to outside creditors, pro rata to what it owes. */
  payments: Float64Array;
  /** p̄_i = Σ_j L_ij + external liabilities_i: what node i owes in total. */
  totalLiabilities: Float64Array;
  /** Σ_j p_j · L_ji / p̄_j: what node i receives from the nodes that owe it. */
  paymentsReceived: Float64Array;
  /** 1 iff node i pays less than it owes (p_i < p̄_i); a node that owes nothing never defaults. */
  defaulted: Uint8Array;
  /** 0 for a node that never defaults, else the round k ≥ 1 in which it was first found insolvent. */
  defaultRound: Int32Array;
  /** What is left to node i's shareholders: assets − p̄_i for a solvent node, 0 for a defaulter. */
  equity: Float64Array;
  /** External assets + received − total liabilities, before limited liability (may be < 0). */
  netPosition: Float64Array;
  /** p_i / p̄_i, the fraction of its debts node i pays (1 when it owes nothing). */
  recoveryRate: Float64Array;
  /** Σ_i (p̄_i − p_i): everything owed and not paid. */
  totalShortfall: number;
  /** Σ_i p_i · externalLiabilities_i / p̄_i: what outside creditors receive. */
  externalCreditorPayments: number;
  /** Σ_i externalLiabilities_i − externalCreditorPayments: what outside creditors lose. */
  externalCreditorLoss: number;
  /**
   * Value destroyed by default costs: Σ over defaulters of (1 − α)·e_i + (1 − β)·received_i,
   * which equals total external assets − total equity − external creditor payments. 0 without
   * default costs (Eisenberg–Noe).
   */
  deadweightLoss: number;
  /** Σ_i equity_i. */
  totalEquity: number;
  /** Rounds of the fictitious-default algorithm that found new defaulters (0 when none default). */
  rounds: number;
}
