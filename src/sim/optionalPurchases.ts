// Purchases that are not take-or-pay, which a short buyer skips for the quarter.

import type { CompiledSystem } from "./compiledSystem.js";
import type { Obligation } from "./ledger.js";

/**
 * The obligations left after short buyers drop the purchases they may cut (not take-or-pay):
 * a buyer whose cash and receipts do not cover what it owes skips those this quarter, without
 * defaulting; the seller loses the sale.
 */
export function cutOptionalPurchases(
  system: CompiledSystem,
  obligations: readonly Obligation[],
  cash: readonly number[],
  alive: (e: number) => boolean,
  events: Array<[number, string, number, string]>,
  name: (e: number) => string,
): Obligation[] {
  const optional = (o: Obligation) => {
    const c = system.contracts[o.index];
    return o.index >= 0 && (c?.type === "purchase" || c?.type === "lease") && !c.takeOrPay;
  };
  const short = new Set<number>();
  cash.forEach((c, k) => {
    let owed = 0;
    let available = c;
    for (const o of obligations) {
      if (o.from === k) owed += o.amount;
      if (o.to === k && alive(o.from)) available += o.amount;
    }
    if (owed > available && obligations.some((o) => o.from === k && optional(o))) short.add(k);
  });
  if (short.size === 0) return [...obligations];
  return obligations.filter((o) => {
    if (!short.has(o.from) || !optional(o)) return true;
    events.push([
      o.from,
      "purchase-cut",
      o.amount,
      `${name(o.from)} cannot pay and skips ${o.contract} with ${name(o.to)} this quarter`,
    ]);
    return false;
  });
}
