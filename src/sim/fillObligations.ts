// The quarter's obligations for one sample, written into the slot table: capacity built and its
// capex, contracts due, operating costs and interest.

import type { CompiledSystem, SimEquity, SimLoan, SimPurchase } from "./compiledSystem.js";
import { LENDERS } from "./ledger.js";
import { alive, type Ctx, clamp01, event, pos, read } from "./stepContext.js";

/** Fills the quarter's obligations of state sample `i` (batch sample `b`) into the slot amounts, and builds capacity. */
export function fillObligations(ctx: Ctx, i: number, sa: number, b: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const now = system.start + q;
  const { amount, outsideLoan, gwAdded, gpusAdded } = scratch;
  const S = b * slots.count;
  const C = system.contracts.length;
  const K = system.capacity.length;
  for (let j = S; j < S + slots.count; j++) amount[j] = 0;
  for (let ci = b * C; ci < b * C + C; ci++) outsideLoan[ci] = -1;
  for (let k = 0; k < system.capacity.length; k++) {
    const c = system.capacity[k] as CompiledSystem["capacity"][number];
    gwAdded[b * K + k] = 0;
    gpusAdded[b * K + k] = 0;
    if (!alive(state, c.owner, i) || !alive(state, c.customer, i)) continue;
    const target = Math.max(0, read(columns, c.online, sa));
    const added = Math.max(0, target - (state.built[i * state.capacity + k] as number));
    if (added === 0) continue;
    state.built[i * state.capacity + k] = target;
    gpusAdded[b * K + k] = added / read(columns, c.wattsPerGpu, sa);
    const capex = added * read(columns, c.capexPerGw, sa);
    let rest = capex;
    let slot = S + (slots.capacityStart[k] as number);
    for (const supplier of c.suppliers) {
      const part = capex * clamp01(read(columns, supplier.share, sa));
      amount[slot++] = pos(part);
      rest -= part;
    }
    amount[slot] = pos(rest);
    gwAdded[b * K + k] = added;
    if (ctx.record)
      event(
        ctx,
        c.owner,
        "capacity-online",
        0,
        `${c.id}: ${(added / 1e9).toPrecision(3)} GW online`,
      );
  }
  for (let n = 0; n < slots.equities.length; n++) {
    const ci = slots.equities[n] as number;
    const c = system.contracts[ci] as SimEquity;
    if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
    if (now < c.start || now > c.end) continue;
    let gw = 0;
    for (const k of c.capacity) gw += gwAdded[b * K + k] ?? 0;
    let owed =
      Math.max(0, read(columns, c.amount, sa)) + Math.max(0, read(columns, c.perGw, sa)) * gw;
    if (c.cap >= 0)
      owed = Math.min(
        owed,
        Math.max(0, read(columns, c.cap, sa) - (state.paid[i * state.contracts + ci] as number)),
      );
    amount[S + (slots.contractStart[ci] as number)] = pos(owed);
  }
  for (let n = 0; n < slots.purchases.length; n++) {
    const ci = slots.purchases[n] as number;
    const c = system.contracts[ci] as SimPurchase;
    if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
    if (now < c.start || now >= c.start + c.quarters) continue;
    const owed =
      c.total >= 0 ? read(columns, c.total, sa) / c.quarters : read(columns, c.amount, sa);
    amount[S + (slots.contractStart[ci] as number)] = pos(owed);
  }
  for (let n = 0; n < slots.loans.length; n++) {
    const ci = slots.loans[n] as number;
    const c = system.contracts[ci] as SimLoan;
    if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
    const slot = S + (slots.contractStart[ci] as number);
    if (now === c.start) {
      const principal = Math.max(0, read(columns, c.principal, sa));
      if (c.from === LENDERS) outsideLoan[b * C + ci] = principal;
      else amount[slot] = principal;
      continue;
    }
    const outstanding = state.outstanding[i * state.contracts + ci] as number;
    if (now < c.start || outstanding <= 0) continue;
    amount[slot + 1] = pos((outstanding * read(columns, c.rate, sa)) / 4);
    const repay = c.bullet
      ? now - c.start >= c.maturity
        ? outstanding
        : 0
      : Math.min(outstanding, read(columns, c.principal, sa) / c.maturity);
    amount[slot + 2] = pos(repay);
  }
  for (let k = 0; k < system.entities.length; k++) {
    if (!alive(state, k, i)) continue;
    const e = system.entities[k] as CompiledSystem["entities"][number];
    const slot = S + (slots.entityStart[k] as number);
    amount[slot] = pos(read(columns, e.costs, sa));
    amount[slot + 1] = pos(
      ((state.debt[i * state.entities + k] as number) * Math.max(0, read(columns, e.rate, sa))) / 4,
    );
  }
}
