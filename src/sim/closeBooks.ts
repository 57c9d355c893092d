// The end of the quarter for a batch of samples: depreciation, capacity and GPUs in service,
// the stakes' values, and the balance sheet.

import type { CompiledSystem } from "./compiledSystem.js";
import { revalueStakes } from "./revalueStakes.js";
import {
  addToRow,
  CASH,
  COSTS,
  type Ctx,
  clamp01,
  DEBT,
  DEPRECIATION,
  EQUITY,
  GPUS,
  GW,
  INTEREST,
  NET_INCOME,
  PPE,
  REVENUE,
  read,
  rowAt,
  STAKES,
} from "./stepContext.js";
import { recordDefault, recordWriteDowns, WRITE_DOWN } from "./stepRecord.js";

/** No obligations: a default by write-down leaves no payment of the quarter unpaid. */
const NO_SLOTS = { count: 0, from: new Int32Array(0), to: new Int32Array(0) };
const NO_DUE = new Float64Array(0);

/** Depreciation, cash, net income, GW and GPUs in service, and debts and plant, into the row. */
function closeAccounts(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const E = system.entities.length;
  const Q = system.quarters;
  const K = system.capacity.length;
  const C = system.contracts.length;
  const row = scratch.row;
  for (let e = 0; e < E; e++) {
    for (let i = first; i < last; i++) {
      const b = i - first;
      const dep = Math.min(
        state.depreciation[(i * E + e) * Q + q] as number,
        state.ppe[i * E + e] as number,
      );
      state.ppe[i * E + e] = (state.ppe[i * E + e] as number) - dep;
      row[rowAt(scratch, b, e, DEPRECIATION)] = dep;
      row[rowAt(scratch, b, e, CASH)] = state.cash[i * E + e] as number;
      row[rowAt(scratch, b, e, NET_INCOME)] =
        (row[rowAt(scratch, b, e, REVENUE)] as number) -
        (row[rowAt(scratch, b, e, COSTS)] as number) -
        (row[rowAt(scratch, b, e, DEPRECIATION)] as number) -
        (row[rowAt(scratch, b, e, INTEREST)] as number);
    }
  }
  for (let k = 0; k < K; k++) {
    const c = system.capacity[k] as CompiledSystem["capacity"][number];
    for (let i = first; i < last; i++) {
      const b = i - first;
      const at = i * K + k;
      const quarterly = Math.sqrt(Math.sqrt(1 - clamp01(read(columns, c.failureRate, base + i))));
      const gpus =
        (state.gpus[at] as number) * quarterly + (scratch.gpusAdded[b * K + k] as number);
      state.gpus[at] = gpus;
      if (c.owner < 0) continue;
      addToRow(scratch, b, c.owner, GW, state.built[at] as number);
      addToRow(scratch, b, c.owner, GPUS, gpus);
    }
  }
  for (let e = 0; e < E; e++) {
    for (let i = first; i < last; i++) {
      const b = i - first;
      let loans = 0;
      for (let n = 0; n < slots.loans.length; n++) {
        const ci = slots.loans[n] as number;
        if (slots.to[slots.contractStart[ci] as number] === e)
          loans += state.outstanding[i * C + ci] as number;
      }
      row[rowAt(scratch, b, e, DEBT)] = (state.debt[i * E + e] as number) + loans;
      row[rowAt(scratch, b, e, PPE)] = state.ppe[i * E + e] as number;
    }
  }
}

/**
 * The stakes of state sample `i` (batch sample `b`) valued by cross-ownership (revalueStakes),
 * round after round while their write-down pushes a company into default.
 */
function writeDownStakes(ctx: Ctx, i: number, sa: number, b: number): void {
  const { system, state, columns, scratch, q } = ctx;
  const E = system.entities.length;
  for (let e = 0; e < E; e++) scratch.cross.fall[e] = 0;
  for (let round = 0; round < E; round++) {
    const pushed = revalueStakes(ctx, i, sa, b, scratch.cross);
    if (pushed < 0) break;
    state.defaultedAt[i * E + pushed] = q;
    if (ctx.record)
      recordDefault(
        ctx.record,
        system,
        state,
        pushed,
        1,
        0,
        WRITE_DOWN,
        NO_SLOTS,
        NO_DUE,
        q,
        i,
        sa,
        columns,
      );
  }
  if (ctx.record) recordWriteDowns(ctx.record, system, state, scratch.cross.fall, q, i);
}

/**
 * Depreciation, capacity and the balance sheet at the end of the quarter of batch samples
 * first … last − 1 (at absolute samples base + first …), with the stakes valued by
 * cross-ownership; a company their write-down pushes into default defaults now.
 */
export function closeBooks(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, state, scratch } = ctx;
  const E = system.entities.length;
  const row = scratch.row;
  closeAccounts(ctx, first, last, base);
  for (let i = first; i < last; i++) writeDownStakes(ctx, i, base + i, i - first);
  for (let e = 0; e < E; e++) {
    for (let i = first; i < last; i++) {
      const b = i - first;
      row[rowAt(scratch, b, e, EQUITY)] =
        (row[rowAt(scratch, b, e, CASH)] as number) +
        (row[rowAt(scratch, b, e, PPE)] as number) +
        (row[rowAt(scratch, b, e, STAKES)] as number) +
        (state.receivables[i * E + e] as number) -
        (row[rowAt(scratch, b, e, DEBT)] as number);
    }
  }
}
