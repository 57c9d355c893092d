// Eisenberg–Noe clearing: who pays what when some members of a network of debts cannot pay.

import type { ClearingInput, ClearingResult } from "./clearingResult.js";
import { greatestClearing } from "./greatestClearing.js";
import { summarizeClearing } from "./summarizeClearing.js";

/**
 * The greatest clearing vector of Eisenberg & Noe, "Systemic Risk in Financial Systems",
 * Management Science 47(2):236–249, 2001.
 *
 * Node i owes L_ij to node j (`liabilities`, 0-based) and its `externalLiabilities` outside,
 * p̄_i in all, and holds `externalAssets` e_i. Debts rank equally, so a node that pays p_i pays
 * each creditor the same fraction p_i / p̄_i of what it owes it (Π_ij = L_ij / p̄_i). A clearing
 * vector is a fixed point of Φ(p)_i = min(p̄_i, e_i + Σ_j Π_ji·p_j): each node pays in full if it
 * can, else all it has (limited liability and absolute priority of debt). Of the clearing
 * vectors — several when a cycle of debts has no cash of its own — this is the greatest, the one
 * every other is below; with it a zero-cash cycle of equal debts pays in full.
 *
 * Method: the fictitious-default algorithm of the paper. Start with everybody paying in
 * full; the nodes whose assets fall short default; solve exactly the linear system
 * p_D = e_D + Π_DDᵀ·p_D + Π_NDᵀ·p̄_N for the defaulters D, the others N paying in full; repeat
 * until no node newly defaults (at most n rounds). The system is solved sparsely (see
 * {@link greatestClearing}): 10,000 nodes with 100,000 obligations take milliseconds.
 *
 * Conventions: a node defaults iff it pays less than it owes; its assets must fall short by more
 * than 1e-12·p̄_i, so that floating-point noise never makes a node that can exactly pay default
 * (such a node pays in full). A node that owes nothing pays nothing and never defaults.
 * `defaultRound` gives the round in which each defaulter was first found insolvent: 1 for those
 * that fail even when paid in full, k for those brought down by the defaults of round k − 1.
 *
 * @example
 * // 0 owes 1 and 2 five each and has 4 of its own; 1 and 2 owe 3 outside and hold 1.
 * clearEisenbergNoe({
 *   liabilities: csrFromEdges(3, [[0, 1, 5], [0, 2, 5]]),
 *   externalAssets: Float64Array.of(4, 1, 1),
 *   externalLiabilities: Float64Array.of(0, 3, 3),
 * }) // payments [4, 3, 3], defaulted [1, 0, 0], equity [0, 0, 0]
 */
export function clearEisenbergNoe(input: ClearingInput): ClearingResult {
  return summarizeClearing(input, greatestClearing(input, 1, 1), 1, 1);
}
