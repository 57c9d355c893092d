// One quarter for a range of samples: revenue in, capacity built, funding raised where cash
// would fall short, obligations cleared, defaults declared, and the books (income, balance
// sheet, cash flows) updated, a batch of samples at a time and stage by stage. Allocation-free
// per sample: the obligations live in a fixed slot table per batch sample, and transfers and
// events are recorded only when a record is asked for (point runs).

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
  addToRow,
  alive,
  COGS_OUT,
  COSTS,
  Ctx,
  CUSTOMER_REVENUE,
  DEBT_RAISED,
  LOAN_IN,
  M,
  move,
  note,
  REVENUE,
  read,
  rowAt,
  SALES_IN,
  type StepIo,
} from "./stepContext.js";
import type { StepRecord } from "./stepRecord.js";
import type { StepScratch } from "./stepScratch.js";

/** Sales to end customers of batch samples first … last − 1: each living entity's revenue column. */
function sellToCustomers(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, state, columns, scratch } = ctx;
  for (let k = 0; k < system.entities.length; k++) {
    const column = (system.entities[k] as CompiledSystem["entities"][number]).revenue;
    for (let i = first; i < last; i++) {
      if (!alive(state, k, i)) continue;
      const sales = Math.max(0, read(columns, column, base + i));
      if (sales <= 0) continue;
      const b = i - first;
      move(ctx, i, b, CUSTOMERS, k, sales, -1, SALES_IN);
      note(ctx, CUSTOMERS, k, "sales", "sales", sales);
      addToRow(scratch, b, k, REVENUE, sales);
      scratch.row[rowAt(scratch, b, k, CUSTOMER_REVENUE)] = sales;
    }
  }
}

/**
 * Loans from outside lenders paid out this quarter to batch samples first … last − 1
 * (fillObligations found their principal).
 */
function borrowOutside(ctx: Ctx, first: number, last: number): void {
  const { slots, state, scratch } = ctx;
  const C = state.contracts;
  for (let n = 0; n < slots.loans.length; n++) {
    const ci = slots.loans[n] as number;
    const slot = slots.contractStart[ci] as number;
    const to = slots.to[slot] as number;
    for (let i = first; i < last; i++) {
      const b = i - first;
      const principal = scratch.outsideLoan[b * C + ci] as number;
      if (principal < 0) continue;
      if (principal > 0) {
        move(ctx, i, b, LENDERS, to, principal, -1, LOAN_IN);
        note(ctx, LENDERS, to, slots.label[slot] as string, "loan", principal);
        state.outsideRaised[i * state.entities + to] =
          (state.outsideRaised[i * state.entities + to] as number) + principal;
      }
      state.outstanding[i * C + ci] = principal;
      if (to >= 0) addToRow(scratch, b, to, DEBT_RAISED, principal);
    }
  }
}

/**
 * Cost of revenue of batch samples first … last − 1, paid outside from the quarter's cash (never
 * more than there is).
 */
function payCostOfRevenue(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, state, columns, scratch } = ctx;
  const E = system.entities.length;
  for (let k = 0; k < E; k++) {
    const column = (system.entities[k] as CompiledSystem["entities"][number]).costOfRevenue;
    for (let i = first; i < last; i++) {
      const b = i - first;
      const cogs = Math.min(
        Math.max(0, state.cash[i * E + k] as number),
        Math.max(0, read(columns, column, base + i)) *
          (scratch.row[rowAt(scratch, b, k, REVENUE)] as number),
      );
      if (cogs <= 0) continue;
      move(ctx, i, b, k, SUPPLIERS, cogs, COGS_OUT, -1);
      note(ctx, k, SUPPLIERS, "cost of revenue", "cost-of-revenue", cogs);
      addToRow(scratch, b, k, COSTS, cogs);
    }
  }
}

/**
 * Runs quarter `q` for the state's samples 0 … state.n − 1 (absolute samples base … base + n − 1
 * in the columns), writing each sample's series to `io.out`. The samples go through the quarter a
 * batch at a time (scratch.batch of them), each stage over the whole batch before the next, so
 * that every stage's code runs many times in a row. Records transfers and events into `record`
 * when one is given. Returns the largest conservation error of the quarter: the change of all
 * entities' cash against the outside sectors' net flow, in dollars.
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
  const ctx = new Ctx(system, slots, state, io.columns, scratch, record, q);
  const E = system.entities.length;
  const EM = E * M;
  const { row, before, external, batch: B } = scratch;
  const { base, out, stride, outBase } = io;
  let maxError = 0;
  for (let first = 0; first < state.n; first += scratch.batch) {
    const last = Math.min(state.n, first + scratch.batch);
    row.fill(0);
    for (let i = first; i < last; i++) {
      const b = i - first;
      external[b] = 0;
      let cash = 0;
      for (let e = 0; e < E; e++) cash += state.cash[i * E + e] as number;
      before[b] = cash;
    }
    sellToCustomers(ctx, first, last, base);
    fillObligations(ctx, first, last, base);
    borrowOutside(ctx, first, last);
    raiseFunding(ctx, first, last, base);
    cutOptionalPurchases(ctx, first, last);
    settle(ctx, first, last, base);
    payCostOfRevenue(ctx, first, last, base);
    closeBooks(ctx, first, last, base);
    for (let i = first; i < last; i++) {
      const b = i - first;
      let after = 0;
      for (let e = 0; e < E; e++) after += state.cash[i * E + e] as number;
      maxError = Math.max(
        maxError,
        Math.abs(after - (before[b] as number) - (external[b] as number)),
      );
    }
    for (let j = 0; j < EM; j++) {
      const at = j * stride + outBase + first;
      for (let b = 0; b < last - first; b++) out[at + b] = row[j * B + b] as number;
    }
  }
  return maxError;
}
