// Rogers–Veraart clearing: Eisenberg–Noe with default costs, so that a default destroys value.

import type { ClearingInput, ClearingResult } from "./clearingResult.js";
import { greatestClearing } from "./greatestClearing.js";
import { summarizeClearing } from "./summarizeClearing.js";

/**
 * The greatest clearing vector with default costs of Rogers & Veraart, "Failure and Rescue in an
 * Interbank Network", Management Science 59(4):882–898, 2013.
 *
 * The network is as in `clearEisenbergNoe`. A node that can pay everything it owes, p̄_i,
 * pays it; one that cannot defaults and realises only a fraction α of its external assets e_i
 * and β of what it is paid, so it pays α·e_i + β·Σ_j Π_ji·p_j. A clearing vector is a fixed point
 * of that map; there may be several, and since the map jumps down at default this is the
 * greatest, reached by the paper's Greatest Clearing Vector Algorithm (GA, Definition 3.6):
 * rounds of defaults as in Eisenberg–Noe, the defaulters' payments solved exactly from
 * (I − β·Π_DDᵀ)·p_D = α·e_D + β·Π_NDᵀ·p̄_N. With α = β = 1 it is the Eisenberg–Noe result.
 *
 * The same conventions hold as for `clearEisenbergNoe` (solvency up to 1e-12·p̄_i, rounds).
 * `deadweightLoss` is the value the default costs destroy, Σ over defaulters of
 * (1 − α)·e_i + (1 − β)·received_i. 0 ≤ α ≤ 1, 0 ≤ β ≤ 1.
 *
 * @example
 * // As in the Eisenberg–Noe example, but node 0 realises only half its assets when it fails.
 * clearRogersVeraart({
 *   liabilities: csrFromEdges(3, [[0, 1, 5], [0, 2, 5]]),
 *   externalAssets: Float64Array.of(4, 1, 1),
 *   externalLiabilities: Float64Array.of(0, 3, 3),
 * }, 0.5, 1) // payments [2, 1.5, 1.5], defaulted [1, 1, 1], deadweightLoss 3
 */
export function clearRogersVeraart(
  input: ClearingInput,
  alpha: number,
  beta: number,
): ClearingResult {
  return summarizeClearing(input, greatestClearing(input, alpha, beta), alpha, beta);
}
