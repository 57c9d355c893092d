// One quarter for a range of samples: revenue in, capacity built, funding raised where cash
// would fall short, obligations cleared, defaults declared, and the books (income, balance
// sheet, cash flows) updated. Allocation-free per sample: the obligations live in a fixed slot
// table, and transfers and events are recorded only when a record is asked for (point runs).

import { closeBooks } from "./closeBooks.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { cutOptionalPurchases } from "./cutOptionalPurchases.js";
import { fillObligations } from "./fillObligations.js";
import { CUSTOMERS, LENDERS, SUPPLIERS } from "./ledger.js";
import type { ObligationSlots } from "./obligationSlots.js";
import { raiseFunding } from "./raiseFunding.js";
import { settle } from "./settle.js";
import type { SimState } from "./simState.js";
import {
  alive,
  COGS_OUT,
  COSTS,
  type Ctx,
  CUSTOMER_REVENUE,
  DEBT_RAISED,
  LOAN_IN,
  M,
  move,
  note,
  REVENUE,
  read,
  SALES_IN,
  type StepIo,
  type StepScratch,
} from "./stepContext.js";
import type { StepRecord } from "./stepRecord.js";

/** Cost of revenue, paid outside from the quarter's cash (never more than there is). */
function payCostOfRevenue(ctx: Ctx, sa: number): void {
  const { system, columns, scratch } = ctx;
  const row = scratch.row;
  for (let k = 0; k < system.entities.length; k++) {
    const e = system.entities[k] as CompiledSystem["entities"][number];
    const cogs = Math.min(
      Math.max(0, scratch.cash[k] as number),
      Math.max(0, read(columns, e.costOfRevenue, sa)) * (row[k * M + REVENUE] as number),
    );
    if (cogs <= 0) continue;
    move(ctx, k, SUPPLIERS, cogs, COGS_OUT, -1);
    note(ctx, k, SUPPLIERS, "cost of revenue", "cost-of-revenue", cogs);
    row[k * M + COSTS] = (row[k * M + COSTS] as number) + cogs;
  }
}

/**
 * Runs quarter `q` for the state's samples 0 … state.n − 1 (absolute samples base … base + n − 1
 * in the columns), writing each sample's series to `io.out`. Records transfers and events into
 * `record` when one is given. Returns the largest conservation error of the quarter: the change of
 * all entities' cash against the outside sectors' net flow, in dollars.
 */
export function stepSamples(
  system: CompiledSystem,
  slots: ObligationSlots,
  state: SimState,
  q: number,
  io: StepIo,
  scratch: StepScratch,
  record: StepRecord | null = null,
): number {
  const ctx: Ctx = { system, slots, state, columns: io.columns, scratch, record, q };
  const E = system.entities.length;
  const { cash, row } = scratch;
  let maxError = 0;
  for (let i = 0; i < state.n; i++) {
    const sa = io.base + i;
    for (let j = 0; j < row.length; j++) row[j] = 0;
    scratch.external = 0;
    let before = 0;
    for (let e = 0; e < E; e++) {
      cash[e] = state.cash[i * state.entities + e] as number;
      before += cash[e] as number;
    }
    for (let k = 0; k < E; k++) {
      if (!alive(state, k, i)) continue;
      const sales = Math.max(
        0,
        read(io.columns, (system.entities[k] as CompiledSystem["entities"][number]).revenue, sa),
      );
      if (sales <= 0) continue;
      move(ctx, CUSTOMERS, k, sales, -1, SALES_IN);
      note(ctx, CUSTOMERS, k, "sales", "sales", sales);
      row[k * M + REVENUE] = (row[k * M + REVENUE] as number) + sales;
      row[k * M + CUSTOMER_REVENUE] = sales;
    }
    fillObligations(ctx, i, sa);
    for (let n = 0; n < slots.loans.length; n++) {
      const ci = slots.loans[n] as number;
      const principal = scratch.outsideLoan[ci] as number;
      if (principal < 0) continue;
      const to = slots.to[slots.contractStart[ci] as number] as number;
      if (principal > 0) {
        move(ctx, LENDERS, to, principal, -1, LOAN_IN);
        note(
          ctx,
          LENDERS,
          to,
          slots.label[slots.contractStart[ci] as number] as string,
          "loan",
          principal,
        );
        state.outsideRaised[i * state.entities + to] =
          (state.outsideRaised[i * state.entities + to] as number) + principal;
      }
      state.outstanding[i * state.contracts + ci] = principal;
      if (to >= 0) row[to * M + DEBT_RAISED] = (row[to * M + DEBT_RAISED] as number) + principal;
    }
    raiseFunding(ctx, i, sa);
    cutOptionalPurchases(ctx, i);
    settle(ctx, i, sa);
    payCostOfRevenue(ctx, sa);
    closeBooks(ctx, i, sa);
    let after = 0;
    for (let e = 0; e < E; e++) after += cash[e] as number;
    maxError = Math.max(maxError, Math.abs(after - before - scratch.external));
    const { out, stride, outBase } = io;
    for (let e = 0; e < E; e++)
      for (let m = 0; m < M; m++)
        out[(e * M + m) * stride + outBase + i] = row[e * M + m] as number;
  }
  return maxError;
}
