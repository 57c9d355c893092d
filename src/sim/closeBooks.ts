// The end of a sample's quarter: depreciation, capacity and GPUs in service, and the balance sheet.

import type { CompiledSystem } from "./compiledSystem.js";
import {
  alive,
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

/** Depreciation, capacity and the balance sheet at the end of the quarter. */
export function closeBooks(ctx: Ctx, i: number, sa: number): void {
  const { system, state, columns, scratch, q } = ctx;
  const E = system.entities.length;
  const Q = system.quarters;
  const row = scratch.row;
  for (let e = 0; e < E; e++) {
    const r = e * M;
    const dep = Math.min(
      state.depreciation[(i * state.entities + e) * Q + q] as number,
      state.ppe[i * state.entities + e] as number,
    );
    state.ppe[i * state.entities + e] = (state.ppe[i * state.entities + e] as number) - dep;
    row[r + DEPRECIATION] = dep;
    state.cash[i * state.entities + e] = scratch.cash[e] as number;
    row[r + CASH] = scratch.cash[e] as number;
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
    const gpus = (state.gpus[at] as number) * quarterly + (scratch.gpusAdded[k] as number);
    state.gpus[at] = gpus;
    if (c.owner < 0) continue;
    const r = c.owner * M;
    row[r + GW] = (row[r + GW] as number) + (state.built[at] as number);
    row[r + GPUS] = (row[r + GPUS] as number) + gpus;
  }
  for (let e = 0; e < E; e++) {
    const r = e * M;
    let loans = 0;
    for (let ci = 0; ci < system.contracts.length; ci++) {
      const c = system.contracts[ci] as CompiledSystem["contracts"][number];
      if (c.type === "loan" && c.to === e)
        loans += state.outstanding[i * state.contracts + ci] as number;
    }
    row[r + DEBT] = (state.debt[i * state.entities + e] as number) + loans;
    row[r + PPE] = state.ppe[i * state.entities + e] as number;
    let stakes = 0;
    for (let j = 0; j < E; j++) {
      const held = state.holdings[(i * E + e) * E + j] as number;
      if (held > 0 && alive(state, j, i))
        stakes +=
          held *
          (read(columns, (system.entities[j] as CompiledSystem["entities"][number]).valuation, sa) /
            (state.shares[i * state.entities + j] as number));
    }
    row[r + STAKES] = stakes;
    row[r + EQUITY] =
      (row[r + CASH] as number) +
      (row[r + PPE] as number) +
      stakes +
      (state.receivables[i * state.entities + e] as number) -
      (row[r + DEBT] as number);
  }
}
