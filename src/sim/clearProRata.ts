// Settles a quarter's obligations when some payers are short: each entity pays the same fraction
// of everything it owes, that fraction being what its cash and its own receipts allow.

import type { Obligation } from "./ledger.js";

/** Iterations after which the fixed point is taken as reached (it is, to 1e-15, far earlier). */
const MAX_ROUNDS = 200;

/**
 * The fraction f_e ∈ [0, 1] of its obligations that each entity pays, given its cash before
 * payments. f is the greatest solution of f_e = min(1, (cash_e + Σ_j f_j·L_je + outside_e) / L_e),
 * reached by iterating from f = 1 (the fixed-point form of Eisenberg–Noe clearing, with pro-rata
 * sharing among each payer's creditors). Outside sectors always pay in full.
 *
 * @example clearProRata([10], [{ from: 0, to: -4, amount: 20, … }]) // [0.5]
 */
export function clearProRata(
  cash: readonly number[],
  obligations: readonly Obligation[],
): number[] {
  const owed = cash.map(() => 0);
  for (const o of obligations) if (o.from >= 0) owed[o.from] = (owed[o.from] as number) + o.amount;
  const f = cash.map(() => 1);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const inflow = cash.map((c) => c);
    for (const o of obligations) {
      if (o.to < 0) continue;
      inflow[o.to] = (inflow[o.to] as number) + (o.from < 0 ? 1 : (f[o.from] as number)) * o.amount;
    }
    let change = 0;
    for (let e = 0; e < cash.length; e++) {
      const due = owed[e] as number;
      const next = due > 0 ? Math.min(1, Math.max(0, (inflow[e] as number) / due)) : 1;
      change = Math.max(change, Math.abs(next - (f[e] as number)));
      f[e] = next;
    }
    if (change < 1e-15) break;
  }
  return f;
}
