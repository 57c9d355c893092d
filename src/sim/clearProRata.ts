// Settles a quarter's obligations when some payers are short: each entity pays the same fraction
// of everything it owes, that fraction being what its cash and its own receipts allow.

import type { ObligationSlots } from "./obligationSlots.js";

/** Iterations after which the fixed point is taken as reached (it is, to 1e-15, far earlier). */
const MAX_ROUNDS = 200;

/**
 * Writes into `f` the fraction f_e ∈ [0, 1] of its obligations that each entity pays, given its
 * cash before payments and the amounts `due` per slot, and into `owed` what each entity owes.
 * f is the greatest solution of f_e = min(1, (cash_e + Σ_j f_j·L_je + outside_e) / L_e), reached
 * by iterating from f = 1 (the fixed-point form of Eisenberg–Noe clearing, with pro-rata sharing
 * among each payer's creditors). Outside sectors always pay in full; entities marked in `forced`
 * pay nothing. `inflow` is working memory
 * (one entry per entity). Allocates nothing.
 *
 * @example clearProRata(Float64Array.of(10), slots, Float64Array.of(20), f, owed, inflow) // f = [0.5]
 */
export function clearProRata(
  cash: Float64Array,
  slots: Pick<ObligationSlots, "count" | "from" | "to">,
  due: Float64Array,
  f: Float64Array,
  owed: Float64Array,
  inflow: Float64Array,
  forced?: Uint8Array,
): void {
  const E = cash.length;
  for (let e = 0; e < E; e++) {
    owed[e] = 0;
    f[e] = 1;
  }
  for (let j = 0; j < slots.count; j++) {
    const from = slots.from[j] as number;
    const x = due[j] as number;
    if (from >= 0 && x > 0) owed[from] = (owed[from] as number) + x;
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (let e = 0; e < E; e++) inflow[e] = cash[e] as number;
    for (let j = 0; j < slots.count; j++) {
      const to = slots.to[j] as number;
      const x = due[j] as number;
      if (to < 0 || x <= 0) continue;
      const from = slots.from[j] as number;
      inflow[to] = (inflow[to] as number) + (from < 0 ? 1 : (f[from] as number)) * x;
    }
    let change = 0;
    for (let e = 0; e < E; e++) {
      const d = owed[e] as number;
      const next =
        forced !== undefined && forced[e] === 1
          ? 0
          : d > 0
            ? Math.min(1, Math.max(0, (inflow[e] as number) / d))
            : 1;
      change = Math.max(change, Math.abs(next - (f[e] as number)));
      f[e] = next;
    }
    if (change < 1e-15) break;
  }
}
