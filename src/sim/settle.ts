// Paying what clearing allows, entering each payment in both parties' books (revenue, costs,
// interest, capitalised purchases and their depreciation, shares, loans), and declaring defaults.

import { DEFAULT_HARDWARE_LIFE_YEARS } from "../defaults.js";
import { clearProRata } from "./clearProRata.js";
import { clearQuarter } from "./clearQuarter.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { DEADWEIGHT, type FlowKind } from "./ledger.js";
import { BOOK, sectionIndex } from "./obligationSlots.js";
import {
  addToRow,
  alive,
  CAPEX,
  COSTS,
  type Ctx,
  DEBT_RAISED,
  EQUITY_RAISED,
  event,
  INTEREST,
  issueShares,
  move,
  nameOf,
  note,
  pos,
  REVENUE,
  read,
} from "./stepContext.js";
import { recordDefault } from "./stepRecord.js";

/**
 * Relative margin by which solventAtOnce's sums must clear what is owed: far above the rounding
 * of sums of a few dozen terms (about 1e-15 of their size), far below clearing's own tolerance.
 */
const SUM_MARGIN = 1e-13;

/** Cash-flow series of default costs, for the defaulter. */
const DEFAULT_COST_OUT = sectionIndex("default-cost", "payer");

/** Spreads a capitalised purchase over its useful life as depreciation from this quarter on. */
function capitalize(ctx: Ctx, e: number, amount: number, years: number, i: number): void {
  const { state, system, q } = ctx;
  const Q = system.quarters;
  state.ppe[i * state.entities + e] = (state.ppe[i * state.entities + e] as number) + amount;
  const life = Math.max(1, Math.round(years * 4));
  const perQuarter = amount / life;
  const at = (i * state.entities + e) * Q;
  for (let k = q; k < Math.min(Q, q + life); k++)
    state.depreciation[at + k] = (state.depreciation[at + k] as number) + perQuarter;
}

/** Enters the payment of slot `j` of state sample `i` (batch sample `b`) in both parties' books. */
function book(ctx: Ctx, j: number, paid: number, i: number, sa: number, b: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const E = system.entities.length;
  const flags = slots.book[j] as number;
  const from = slots.from[j] as number;
  const to = slots.to[j] as number;
  const ci = slots.contract[j] as number;
  if (to >= 0 && (flags & BOOK.revenue) !== 0) addToRow(scratch, b, to, REVENUE, paid);
  if (from >= 0 && (flags & BOOK.expense) !== 0) addToRow(scratch, b, from, COSTS, paid);
  if ((flags & BOOK.interest) !== 0) {
    if (from >= 0) addToRow(scratch, b, from, INTEREST, paid);
    if (to >= 0) addToRow(scratch, b, to, INTEREST, -paid);
  }
  if (from >= 0 && (flags & BOOK.capitalize) !== 0) {
    addToRow(scratch, b, from, CAPEX, paid);
    const k = slots.capacity[j] as number;
    const years =
      k >= 0
        ? read(columns, (system.capacity[k] as CompiledSystem["capacity"][number]).usefulLife, sa)
        : DEFAULT_HARDWARE_LIFE_YEARS;
    capitalize(ctx, from, paid, years, i);
  }
  if ((flags & BOOK.equity) !== 0) {
    const investee = system.entities[to] as CompiledSystem["entities"][number];
    const issued = issueShares(
      state,
      i * state.entities + to,
      paid,
      read(columns, investee.valuation, sa),
    );
    const h = (i * E + from) * E + to;
    state.holdings[h] = (state.holdings[h] as number) + issued;
    state.paid[i * state.contracts + ci] = (state.paid[i * state.contracts + ci] as number) + paid;
    addToRow(scratch, b, to, EQUITY_RAISED, paid);
    if (ctx.record)
      event(
        ctx,
        from,
        "tranche",
        paid,
        `${nameOf(ctx, from)} invests in ${nameOf(ctx, to)} (${slots.label[j]})`,
      );
  }
  if ((flags & BOOK.loanOut) !== 0) {
    state.outstanding[i * state.contracts + ci] = paid;
    state.receivables[i * state.entities + from] =
      (state.receivables[i * state.entities + from] as number) + paid;
    if (to >= 0) addToRow(scratch, b, to, DEBT_RAISED, paid);
  }
  if ((flags & BOOK.principal) !== 0) {
    state.outstanding[i * state.contracts + ci] = Math.max(
      0,
      (state.outstanding[i * state.contracts + ci] as number) - paid,
    );
    if (to >= 0)
      state.receivables[i * state.entities + to] = Math.max(
        0,
        (state.receivables[i * state.entities + to] as number) - paid,
      );
  }
}

/**
 * Clears the quarter of state sample `i` (batch sample `b`) with the scenario's rule
 * (docs/network.md), from its cash and what is due copied into the clearing's scratch.
 */
function clear(ctx: Ctx, i: number, b: number): void {
  const { system, slots, state, scratch } = ctx;
  const { cash, sampleDue, due } = scratch;
  const E = system.entities.length;
  for (let k = 0; k < E; k++) cash[k] = state.cash[i * E + k] as number;
  for (let j = 0; j < slots.count; j++) sampleDue[j] = due[b * slots.count + j] as number;
  const rule = system.clearing;
  if (rule.method === "pro-rata") {
    clearProRata(
      cash,
      slots,
      sampleDue,
      scratch.f,
      scratch.owed,
      scratch.inflow,
      scratch.clearing.forced,
    );
    for (let k = 0; k < scratch.cash.length; k++) scratch.clearing.round[k] = 0;
    return;
  }
  const alpha = rule.method === "rogers-veraart" ? rule.alpha : 1;
  const beta = rule.method === "rogers-veraart" ? rule.beta : 1;
  clearQuarter(cash, slots, sampleDue, scratch.f, scratch.owed, scratch.clearing, alpha, beta);
}

/**
 * Under Rogers–Veraart clearing, what default costs destroy at each defaulter,
 * (1 − α)·outside assets + (1 − β)·receipts, leaves it for the deadweight sector.
 */
function destroyDefaultCosts(ctx: Ctx, i: number, b: number): void {
  const { system, scratch } = ctx;
  const rule = system.clearing;
  if (rule.method !== "rogers-veraart") return;
  const { round, external, received } = scratch.clearing;
  for (let k = 0; k < system.entities.length; k++) {
    if (round[k] === 0) continue;
    const lost = pos(
      (1 - rule.alpha) * (external[k] as number) + (1 - rule.beta) * (received[k] as number),
    );
    if (lost <= 0) continue;
    move(ctx, i, b, k, DEADWEIGHT, lost, DEFAULT_COST_OUT, -1);
    addToRow(scratch, b, k, COSTS, lost);
    note(ctx, k, DEADWEIGHT, "default costs", "default-cost", lost);
  }
}

/** Pays slot `j` of state sample `i` (batch sample `b`), `paid` of it, and books it. */
function pay(ctx: Ctx, j: number, paid: number, i: number, sa: number, b: number): void {
  const { slots } = ctx;
  const from = slots.from[j] as number;
  const to = slots.to[j] as number;
  move(ctx, i, b, from, to, paid, slots.payerSection[j] as number, slots.payeeSection[j] as number);
  note(ctx, from, to, slots.label[j] as string, slots.kind[j] as FlowKind, paid);
  book(ctx, j, paid, i, sa, b);
}

/**
 * After clearing found someone short (or forced to default) in state sample `i` (batch sample
 * `b`): pays what clearing allows, books it, destroys default costs, and declares the defaults.
 */
function settleShort(ctx: Ctx, i: number, sa: number, b: number): void {
  const { system, slots, state, scratch, q } = ctx;
  const { sampleDue: due, f } = scratch;
  const forced = scratch.clearing.forced;
  for (let j = 0; j < slots.count; j++) {
    const x = due[j] as number;
    if (x <= 0) continue;
    const from = slots.from[j] as number;
    const paid = from >= 0 ? (f[from] as number) * x : x;
    if (paid <= 0) continue;
    pay(ctx, j, paid, i, sa, b);
  }
  destroyDefaultCosts(ctx, i, b);
  for (let k = 0; k < system.entities.length; k++) {
    const fraction = f[k] as number;
    if ((fraction >= 1 - 1e-12 && forced[k] === 0) || !alive(state, k, i)) continue;
    state.defaultedAt[i * state.entities + k] = q;
    if (ctx.record)
      recordDefault(
        ctx.record,
        system,
        state,
        k,
        fraction,
        scratch.owed[k] as number,
        forced[k] === 1 ? -1 : (scratch.clearing.round[k] as number),
        slots,
        due,
        q,
        i,
        sa,
        ctx.columns,
      );
  }
}

/** True when clearing left everyone paying in full, no one found short and no one forced. */
function everyonePays(ctx: Ctx): boolean {
  const { f, clearing } = ctx.scratch;
  for (let k = 0; k < f.length; k++)
    if (f[k] !== 1 || clearing.round[k] !== 0 || clearing.forced[k] !== 0) return false;
  return true;
}

/**
 * True when every company of state sample `i` (batch sample `b`) can pay all it owes from its
 * cash and what it receives if everyone pays in full, by a margin that the order of the sums
 * cannot undo: then clearing would find no one short (its first round) and everyone pays in
 * full, so it need not run. No one may be forced to default.
 */
function solventAtOnce(ctx: Ctx, i: number, b: number): boolean {
  const { system, slots, state, scratch } = ctx;
  const E = system.entities.length;
  const { owed, inflow, size, due, clearing } = scratch;
  for (let k = 0; k < E; k++) {
    if (clearing.forced[k] !== 0) return false;
    const cash = state.cash[i * E + k] as number;
    owed[k] = 0;
    inflow[k] = cash;
    size[k] = Math.abs(cash);
  }
  const S = b * slots.count;
  for (let j = 0; j < slots.count; j++) {
    const x = due[S + j] as number;
    if (x <= 0) continue;
    const from = slots.from[j] as number;
    const to = slots.to[j] as number;
    if (from >= 0) owed[from] = (owed[from] as number) + x;
    if (to >= 0) {
      inflow[to] = (inflow[to] as number) + x;
      size[to] = (size[to] as number) + x;
    }
  }
  for (let k = 0; k < E; k++) {
    const d = owed[k] as number;
    if (d > 0 && !((inflow[k] as number) >= d + SUM_MARGIN * ((size[k] as number) + d)))
      return false;
  }
  return true;
}

/**
 * Clears the quarter of batch samples first … last − 1 (at absolute samples base + first …),
 * pays what clearing allows, books it, and declares the defaults. A sample in which someone is
 * short is settled at once; the payments of the others, all in full, are made slot by slot over
 * the batch afterwards.
 */
export function settle(ctx: Ctx, first: number, last: number, base: number): void {
  const { system, slots, state, scratch, q } = ctx;
  const forced = scratch.clearing.forced;
  const inFull = scratch.inFull;
  for (let i = first; i < last; i++) {
    const b = i - first;
    for (let k = 0; k < system.entities.length; k++)
      forced[k] = system.forcedDefaults[k] === q && alive(state, k, i) ? 1 : 0;
    if (solventAtOnce(ctx, i, b)) {
      inFull[b] = 1;
      continue;
    }
    clear(ctx, i, b);
    inFull[b] = everyonePays(ctx) ? 1 : 0;
    if (inFull[b] === 0) settleShort(ctx, i, base + i, b);
  }
  const { due } = scratch;
  for (let j = 0; j < slots.count; j++) {
    for (let i = first; i < last; i++) {
      const b = i - first;
      if (inFull[b] === 0) continue;
      const x = due[b * slots.count + j] as number;
      if (x > 0) pay(ctx, j, x, i, base + i, b);
    }
  }
}
