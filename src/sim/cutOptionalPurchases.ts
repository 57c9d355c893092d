// Purchases that are not take-or-pay, which a short buyer skips for the quarter.

import { BOOK } from "./obligationSlots.js";
import { alive, type Ctx, event, nameOf } from "./stepContext.js";

/**
 * Copies the amounts into `due`, dropping the optional purchases of buyers whose cash and
 * receipts do not cover what they owe: they skip those this quarter, without defaulting.
 */
export function cutOptionalPurchases(ctx: Ctx, i: number, b: number): void {
  const { system, slots, scratch } = ctx;
  const { amount, due } = scratch;
  const S = b * slots.count;
  for (let j = S; j < S + slots.count; j++) due[j] = amount[j] as number;
  for (let k = 0; k < system.entities.length; k++) {
    let hasOptional = false;
    for (let n = 0; n < slots.optional.length; n++) {
      const j = slots.optional[n] as number;
      if (slots.from[j] === k && (amount[S + j] as number) > 0) hasOptional = true;
    }
    if (!hasOptional) continue;
    let owed = 0;
    let available = ctx.state.cash[i * ctx.state.entities + k] as number;
    for (let j = 0; j < slots.count; j++) {
      const x = amount[S + j] as number;
      if (x <= 0) continue;
      if (slots.from[j] === k) owed += x;
      if (slots.to[j] === k && alive(ctx.state, slots.from[j] as number, i)) available += x;
    }
    if (owed <= available) continue;
    for (let j = 0; j < slots.count; j++) {
      if (slots.from[j] !== k || ((slots.book[j] as number) & BOOK.optional) === 0) continue;
      const x = amount[S + j] as number;
      if (x <= 0) continue;
      due[S + j] = 0;
      const to = slots.to[j] as number;
      if (ctx.record)
        event(
          ctx,
          k,
          "purchase-cut",
          x,
          `${nameOf(ctx, k)} cannot pay and skips ${slots.label[j]} with ${nameOf(ctx, to)} this quarter`,
        );
    }
  }
}
