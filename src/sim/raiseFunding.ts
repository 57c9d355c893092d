// Outside funding for a batch of samples: equity from investors, then debt from lenders, for what
// an entity's cash and receipts will not cover this quarter.

import type { CompiledSystem } from "./compiledSystem.js";
import { INVESTORS, LENDERS } from "./ledger.js";
import {
  addToRow,
  alive,
  type Ctx,
  DEBT_RAISED,
  EQUITY_IN,
  EQUITY_RAISED,
  event,
  issueShares,
  LOAN_IN,
  move,
  nameOf,
  note,
  read,
} from "./stepContext.js";

/**
 * Sums what each entity of batch samples first … last − 1 owes and expects this quarter, in slot
 * order, into `scratch.owes` and `scratch.expects` ([b · E + entity]).
 */
function sumDue(ctx: Ctx, first: number, last: number): void {
  const { system, slots, state, scratch } = ctx;
  const { amount, owes, expects } = scratch;
  const E = system.entities.length;
  owes.fill(0, 0, (last - first) * E);
  expects.fill(0, 0, (last - first) * E);
  for (let j = 0; j < slots.count; j++) {
    const from = slots.from[j] as number;
    const to = slots.to[j] as number;
    for (let i = first; i < last; i++) {
      const b = i - first;
      const x = amount[b * slots.count + j] as number;
      if (x <= 0) continue;
      if (from >= 0) owes[b * E + from] = (owes[b * E + from] as number) + x;
      if (to >= 0 && alive(state, from, i))
        expects[b * E + to] = (expects[b * E + to] as number) + x;
    }
  }
}

/**
 * Raises outside equity, then outside debt, for what cash and receipts will not cover, for batch
 * samples first … last − 1 (at absolute samples base + first …).
 */
export function raiseFunding(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, state, columns, scratch } = ctx;
  const { owes, expects } = scratch;
  const E = system.entities.length;
  sumDue(ctx, first, last);
  for (let k = 0; k < E; k++) {
    const e = system.entities[k] as CompiledSystem["entities"][number];
    for (let i = first; i < last; i++) {
      if (!alive(state, k, i)) continue;
      const b = i - first;
      const sa = base + i;
      let need =
        (owes[b * E + k] as number) +
        Math.max(0, read(columns, e.minCash, sa)) -
        (state.cash[i * E + k] as number) -
        (expects[b * E + k] as number);
      if (need <= 0) continue;
      const equity = Math.min(need, Math.max(0, read(columns, e.equityAppetite, sa)));
      if (equity > 0) {
        issueShares(state, i * E + k, equity, read(columns, e.valuation, sa));
        move(ctx, i, b, INVESTORS, k, equity, -1, EQUITY_IN);
        note(ctx, INVESTORS, k, "funding", "equity", equity);
        addToRow(scratch, b, k, EQUITY_RAISED, equity);
        state.outsideRaised[i * E + k] = (state.outsideRaised[i * E + k] as number) + equity;
        if (ctx.record)
          event(
            ctx,
            k,
            "equity-round",
            equity,
            `${nameOf(ctx, k)} raises equity from outside investors`,
          );
        need -= equity;
      }
      const debt = Math.min(need, Math.max(0, read(columns, e.debtAppetite, sa)));
      if (debt > 0) {
        state.debt[i * E + k] = (state.debt[i * E + k] as number) + debt;
        move(ctx, i, b, LENDERS, k, debt, -1, LOAN_IN);
        note(ctx, LENDERS, k, "funding", "loan", debt);
        addToRow(scratch, b, k, DEBT_RAISED, debt);
        state.outsideRaised[i * E + k] = (state.outsideRaised[i * E + k] as number) + debt;
        if (ctx.record)
          event(ctx, k, "debt-round", debt, `${nameOf(ctx, k)} borrows from outside lenders`);
      }
    }
  }
}
