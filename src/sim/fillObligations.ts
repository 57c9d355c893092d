// The quarter's obligations for a batch of samples, written into each sample's slot table:
// capacity built and its capex, contracts due, operating costs and interest. Each part runs over
// the whole batch before the next.

import type { CompiledSystem, SimEquity, SimLoan, SimPurchase } from "./compiledSystem.js";
import { LENDERS } from "./ledger.js";
import { alive, type Ctx, clamp01, event, pos, read } from "./stepContext.js";

/** Capacity coming online: GW and GPUs added, and the capex owed to its suppliers. */
function buildCapacity(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const { amount, gwAdded, gpusAdded } = scratch;
  const K = system.capacity.length;
  for (let k = 0; k < K; k++) {
    const c = system.capacity[k] as CompiledSystem["capacity"][number];
    const start = slots.capacityStart[k] as number;
    for (let i = first; i < last; i++) {
      const b = i - first;
      const sa = base + i;
      gwAdded[b * K + k] = 0;
      gpusAdded[b * K + k] = 0;
      if (!alive(state, c.owner, i) || !alive(state, c.customer, i)) continue;
      const target = Math.max(0, read(columns, c.online, sa));
      const added = Math.max(0, target - (state.built[i * K + k] as number));
      if (added === 0) continue;
      state.built[i * K + k] = target;
      gpusAdded[b * K + k] = added / read(columns, c.wattsPerGpu, sa);
      const capex = added * read(columns, c.capexPerGw, sa);
      let rest = capex;
      let slot = b * slots.count + start;
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
  }
}

/** Equity tranches due: a fixed amount and an amount per GW the linked capacity added, capped. */
function dueEquities(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const now = system.start + q;
  const { amount, gwAdded } = scratch;
  const K = system.capacity.length;
  const C = system.contracts.length;
  for (let n = 0; n < slots.equities.length; n++) {
    const ci = slots.equities[n] as number;
    const c = system.contracts[ci] as SimEquity;
    if (now < c.start || now > c.end) continue;
    const start = slots.contractStart[ci] as number;
    for (let i = first; i < last; i++) {
      if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
      const b = i - first;
      const sa = base + i;
      let gw = 0;
      for (const k of c.capacity) gw += gwAdded[b * K + k] ?? 0;
      let owed =
        Math.max(0, read(columns, c.amount, sa)) + Math.max(0, read(columns, c.perGw, sa)) * gw;
      if (c.cap >= 0)
        owed = Math.min(
          owed,
          Math.max(0, read(columns, c.cap, sa) - (state.paid[i * C + ci] as number)),
        );
      amount[b * slots.count + start] = pos(owed);
    }
  }
}

/** Purchases due: a total spread evenly over their quarters, or an amount per quarter. */
function duePurchases(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const now = system.start + q;
  const amount = scratch.amount;
  for (let n = 0; n < slots.purchases.length; n++) {
    const ci = slots.purchases[n] as number;
    const c = system.contracts[ci] as SimPurchase;
    if (now < c.start || now >= c.start + c.quarters) continue;
    const start = slots.contractStart[ci] as number;
    for (let i = first; i < last; i++) {
      if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
      const sa = base + i;
      const owed =
        c.total >= 0 ? read(columns, c.total, sa) / c.quarters : read(columns, c.amount, sa);
      amount[(i - first) * slots.count + start] = pos(owed);
    }
  }
}

/**
 * Loans: the principal paid out in the start quarter (from an outside lender, into
 * `scratch.outsideLoan`), then interest on what is outstanding and the repayments.
 */
function dueLoans(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const now = system.start + q;
  const { amount, outsideLoan } = scratch;
  const C = system.contracts.length;
  for (let n = 0; n < slots.loans.length; n++) {
    const ci = slots.loans[n] as number;
    const c = system.contracts[ci] as SimLoan;
    const start = slots.contractStart[ci] as number;
    for (let i = first; i < last; i++) {
      if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
      const b = i - first;
      const sa = base + i;
      const slot = b * slots.count + start;
      if (now === c.start) {
        const principal = Math.max(0, read(columns, c.principal, sa));
        if (c.from === LENDERS) outsideLoan[b * C + ci] = principal;
        else amount[slot] = principal;
        continue;
      }
      const outstanding = state.outstanding[i * C + ci] as number;
      if (now < c.start || outstanding <= 0) continue;
      amount[slot + 1] = pos((outstanding * read(columns, c.rate, sa)) / 4);
      const repay = c.bullet
        ? now - c.start >= c.maturity
          ? outstanding
          : 0
        : Math.min(outstanding, read(columns, c.principal, sa) / c.maturity);
      amount[slot + 2] = pos(repay);
    }
  }
}

/** Each living entity's operating costs and the interest on its outside debt. */
function dueCosts(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const amount = scratch.amount;
  const E = system.entities.length;
  for (let k = 0; k < E; k++) {
    const e = system.entities[k] as CompiledSystem["entities"][number];
    const start = slots.entityStart[k] as number;
    for (let i = first; i < last; i++) {
      if (!alive(state, k, i)) continue;
      const sa = base + i;
      const slot = (i - first) * slots.count + start;
      amount[slot] = pos(read(columns, e.costs, sa));
      amount[slot + 1] = pos(
        ((state.debt[i * E + k] as number) * Math.max(0, read(columns, e.rate, sa))) / 4,
      );
    }
  }
}

/**
 * Fills the quarter's obligations of batch samples first … last − 1 (state samples, at absolute
 * samples base + first …) into their slot amounts, and builds capacity.
 */
export function fillObligations(ctx: Ctx, first: number, last: number, base: number): void {
  const { slots, scratch } = ctx;
  const C = ctx.system.contracts.length;
  scratch.amount.fill(0, 0, (last - first) * slots.count);
  scratch.outsideLoan.fill(-1, 0, (last - first) * C);
  buildCapacity(ctx, first, last, base);
  dueEquities(ctx, first, last, base);
  duePurchases(ctx, first, last, base);
  dueLoans(ctx, first, last, base);
  dueCosts(ctx, first, last, base);
}
