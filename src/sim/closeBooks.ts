// The end of a sample's quarter: depreciation, capacity and GPUs in service, and the balance sheet.

import type { CompiledSystem } from "./compiledSystem.js";
import { revalueStakes } from "./revalueStakes.js";
import {
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
  M,
  NET_INCOME,
  PPE,
  REVENUE,
  read,
  STAKES,
} from "./stepContext.js";
import { recordDefault, recordWriteDowns, WRITE_DOWN } from "./stepRecord.js";

/** No obligations: a default by write-down leaves no payment of the quarter unpaid. */
const NO_SLOTS = { count: 0, from: new Int32Array(0), to: new Int32Array(0) };
const NO_DUE = new Float64Array(0);

/**
 * Depreciation, capacity and the balance sheet at the end of the quarter, with the stakes valued
 * by cross-ownership (revalueStakes); a company their write-down pushes into default defaults now.
 */
export function closeBooks(ctx: Ctx, i: number, sa: number, b: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const E = system.entities.length;
  const Q = system.quarters;
  const K = system.capacity.length;
  const row = scratch.row;
  const rb = b * E * M;
  for (let e = 0; e < E; e++) {
    const r = rb + e * M;
    const dep = Math.min(
      state.depreciation[(i * state.entities + e) * Q + q] as number,
      state.ppe[i * state.entities + e] as number,
    );
    state.ppe[i * state.entities + e] = (state.ppe[i * state.entities + e] as number) - dep;
    row[r + DEPRECIATION] = dep;
    row[r + CASH] = state.cash[i * E + e] as number;
    row[r + NET_INCOME] =
      (row[r + REVENUE] as number) -
      (row[r + COSTS] as number) -
      (row[r + DEPRECIATION] as number) -
      (row[r + INTEREST] as number);
  }
  for (let k = 0; k < system.capacity.length; k++) {
    const c = system.capacity[k] as CompiledSystem["capacity"][number];
    const at = i * state.capacity + k;
    const quarterly = Math.sqrt(Math.sqrt(1 - clamp01(read(columns, c.failureRate, sa))));
    const gpus = (state.gpus[at] as number) * quarterly + (scratch.gpusAdded[b * K + k] as number);
    state.gpus[at] = gpus;
    if (c.owner < 0) continue;
    const r = rb + c.owner * M;
    row[r + GW] = (row[r + GW] as number) + (state.built[at] as number);
    row[r + GPUS] = (row[r + GPUS] as number) + gpus;
  }
  for (let e = 0; e < E; e++) {
    const r = rb + e * M;
    let loans = 0;
    for (let n = 0; n < slots.loans.length; n++) {
      const ci = slots.loans[n] as number;
      if (slots.to[slots.contractStart[ci] as number] === e)
        loans += state.outstanding[i * state.contracts + ci] as number;
    }
    row[r + DEBT] = (state.debt[i * state.entities + e] as number) + loans;
    row[r + PPE] = state.ppe[i * state.entities + e] as number;
  }
  for (let e = 0; e < E; e++) scratch.cross.fall[e] = 0;
  for (let round = 0; round < E; round++) {
    const pushed = revalueStakes(ctx, i, sa, b, scratch.cross);
    if (pushed < 0) break;
    state.defaultedAt[i * state.entities + pushed] = q;
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
  for (let e = 0; e < E; e++) {
    const r = rb + e * M;
    row[r + EQUITY] =
      (row[r + CASH] as number) +
      (row[r + PPE] as number) +
      (row[r + STAKES] as number) +
      (state.receivables[i * state.entities + e] as number) -
      (row[r + DEBT] as number);
  }
}
