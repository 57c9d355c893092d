// Purchases that are not take-or-pay, which a short buyer skips for the quarter.

import { BOOK } from "./obligationSlots.js";
import { alive, type Ctx, event, nameOf } from "./stepContext.js";

/**
 * Copies the amounts of batch samples first … last − 1 into `due`, dropping the optional
 * purchases of buyers whose cash and receipts do not cover what they owe: they skip those this
 * quarter, without defaulting.
 */
export function cutOptionalPurchases(ctx: Ctx, first: number, last: number): void {
  const { system, slots, state, scratch } = ctx;
  const { amount, due } = scratch;
  const S = slots.count;
  const E = system.entities.length;
  due.set(amount.subarray(0, (last - first) * S));
  for (let k = 0; k < E; k++) {
    let buys = false;
    for (let n = 0; n < slots.optional.length; n++)
      if (slots.from[slots.optional[n] as number] === k) buys = true;
    if (!buys) continue;
    for (let i = first; i < last; i++) {
      const at = (i - first) * S;
      let hasOptional = false;
      for (let n = 0; n < slots.optional.length; n++) {
        const j = slots.optional[n] as number;
        if (slots.from[j] === k && (amount[at + j] as number) > 0) hasOptional = true;
      }
      if (!hasOptional) continue;
      let owed = 0;
      let available = state.cash[i * E + k] as number;
      for (let j = 0; j < S; j++) {
        const x = amount[at + j] as number;
        if (x <= 0) continue;
        if (slots.from[j] === k) owed += x;
        if (slots.to[j] === k && alive(state, slots.from[j] as number, i)) available += x;
      }
      if (owed <= available) continue;
      for (let j = 0; j < S; j++) {
        if (slots.from[j] !== k || ((slots.book[j] as number) & BOOK.optional) === 0) continue;
        const x = amount[at + j] as number;
        if (x <= 0) continue;
        due[at + j] = 0;
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
}
