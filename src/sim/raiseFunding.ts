// Outside funding for one sample: equity from investors, then debt from lenders, for what an
// entity's cash and receipts will not cover this quarter.

import type { CompiledSystem } from "./compiledSystem.js";
import { INVESTORS, LENDERS } from "./ledger.js";
import {
  alive,
  type Ctx,
  DEBT_RAISED,
  EQUITY_IN,
  EQUITY_RAISED,
  event,
  issueShares,
  LOAN_IN,
  M,
  move,
  nameOf,
  note,
  read,
} from "./stepContext.js";

/**
 * Raises outside equity, then outside debt, for what cash and receipts will not cover. What each
 * entity owes and expects is summed first, in slot order, into the clearing's `owed` and `inflow`
 * (clearing overwrites both later).
 */
export function raiseFunding(ctx: Ctx, i: number, sa: number, b: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const { row, amount, owed, inflow: expected } = scratch;
  const E = system.entities.length;
  const r = b * E * M;
  const S = b * slots.count;
  for (let k = 0; k < system.entities.length; k++) {
    owed[k] = 0;
    expected[k] = 0;
  }
  for (let j = 0; j < slots.count; j++) {
    const x = amount[S + j] as number;
    if (x <= 0) continue;
    const from = slots.from[j] as number;
    const to = slots.to[j] as number;
    if (from >= 0) owed[from] = (owed[from] as number) + x;
    if (to >= 0 && alive(state, from, i)) expected[to] = (expected[to] as number) + x;
  }
  for (let k = 0; k < system.entities.length; k++) {
    if (!alive(state, k, i)) continue;
    const e = system.entities[k] as CompiledSystem["entities"][number];
    let need =
      (owed[k] as number) +
      Math.max(0, read(columns, e.minCash, sa)) -
      (state.cash[i * E + k] as number) -
      (expected[k] as number);
    if (need <= 0) continue;
    const equity = Math.min(need, Math.max(0, read(columns, e.equityAppetite, sa)));
    if (equity > 0) {
      issueShares(state, i * state.entities + k, equity, read(columns, e.valuation, sa));
      move(ctx, i, b, INVESTORS, k, equity, -1, EQUITY_IN);
      note(ctx, INVESTORS, k, "funding", "equity", equity);
      row[r + k * M + EQUITY_RAISED] = (row[r + k * M + EQUITY_RAISED] as number) + equity;
      state.outsideRaised[i * state.entities + k] =
        (state.outsideRaised[i * state.entities + k] as number) + equity;
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
      state.debt[i * state.entities + k] = (state.debt[i * state.entities + k] as number) + debt;
      move(ctx, i, b, LENDERS, k, debt, -1, LOAN_IN);
      note(ctx, LENDERS, k, "funding", "loan", debt);
      row[r + k * M + DEBT_RAISED] = (row[r + k * M + DEBT_RAISED] as number) + debt;
      state.outsideRaised[i * state.entities + k] =
        (state.outsideRaised[i * state.entities + k] as number) + debt;
      if (ctx.record)
        event(ctx, k, "debt-round", debt, `${nameOf(ctx, k)} borrows from outside lenders`);
    }
  }
}
