// Enters a paid transfer in the books of both parties: income statement lines, capitalised
// purchases and their depreciation, shares issued for equity, loans outstanding.

import { DEFAULT_HARDWARE_LIFE_YEARS } from "../defaults.js";
import type { CompiledSystem } from "./compiledSystem.js";
import type { Obligation } from "./ledger.js";
import type { Reader } from "./quarterObligations.js";
import type { SeriesName } from "./result.js";
import type { SimState } from "./simState.js";

const EXPENSED = new Set(["costs", "cost-of-revenue", "compute", "services", "lease"]);
const CAPITALIZED = new Set(["hardware", "capex"]);
const REVENUE = new Set(["sales", "compute", "services", "hardware", "lease", "capex"]);

/** New shares for `amount` at a pre-money valuation (one share per dollar when none is given). */
export function issueShares(
  state: SimState,
  e: number,
  s: number,
  amount: number,
  valuation: number,
): number {
  const at = e * state.n + s;
  const shares = state.shares[at] as number;
  const issued = valuation > 0 ? (amount * shares) / valuation : amount;
  state.shares[at] = shares + issued;
  return issued;
}

/** What booking a payment needs besides the payment itself. */
export interface BookContext {
  readonly q: number;
  readonly s: number;
  readonly v: Reader;
  readonly series: Array<Record<SeriesName, number>>;
  readonly events: Array<[number, string, number, string]>;
  readonly name: (e: number) => string;
}

/** Spreads a capitalised purchase over its useful life as depreciation from this quarter on. */
export function capitalize(
  system: CompiledSystem,
  state: SimState,
  e: number,
  amount: number,
  years: number,
  q: number,
  s: number,
): void {
  const { n } = state;
  const Q = system.quarters;
  state.ppe[e * n + s] = (state.ppe[e * n + s] as number) + amount;
  const life = Math.max(1, Math.round(years * 4));
  for (let k = q; k < Math.min(Q, q + life); k++) {
    const i = (e * Q + k) * n + s;
    state.depreciation[i] = (state.depreciation[i] as number) + amount / life;
  }
}

/** Enters a paid obligation in both parties' books. */
export function book(
  system: CompiledSystem,
  state: SimState,
  o: Obligation,
  paid: number,
  ctx: BookContext,
): void {
  if (paid <= 0) return;
  const { q, s, v, series, events, name } = ctx;
  const { n } = state;
  const E = system.entities.length;
  const payer = series[o.from];
  const payee = series[o.to];
  if (payee && REVENUE.has(o.kind)) payee.revenue += paid;
  if (payer && EXPENSED.has(o.kind)) payer.costs += paid;
  if (o.kind === "interest") {
    if (payer) payer.interest += paid;
    if (payee) payee.interest -= paid;
  }
  if (payer && CAPITALIZED.has(o.kind)) {
    payer.capex += paid;
    const capacity = system.capacity.find((c) => c.id === o.contract);
    const years = capacity ? v(capacity.usefulLife) : DEFAULT_HARDWARE_LIFE_YEARS;
    capitalize(system, state, o.from, paid, years, q, s);
  }
  if (o.kind === "equity" && o.from >= 0 && o.to >= 0) {
    const investee = system.entities[o.to] as { valuation: number };
    const issued = issueShares(state, o.to, s, paid, v(investee.valuation));
    const h = (o.from * E + o.to) * n + s;
    state.holdings[h] = (state.holdings[h] as number) + issued;
    state.paid[o.index * n + s] = (state.paid[o.index * n + s] as number) + paid;
    if (payee) payee.equityRaised += paid;
    events.push([
      o.from,
      "tranche",
      paid,
      `${name(o.from)} invests in ${name(o.to)} (${o.contract})`,
    ]);
  }
  if (o.kind === "loan" && o.from >= 0) {
    state.outstanding[o.index * n + s] = paid;
    state.receivables[o.from * n + s] = (state.receivables[o.from * n + s] as number) + paid;
    if (payee) payee.debtRaised += paid;
  }
  if (o.kind === "principal") {
    state.outstanding[o.index * n + s] = Math.max(
      0,
      (state.outstanding[o.index * n + s] as number) - paid,
    );
    if (o.to >= 0)
      state.receivables[o.to * n + s] = Math.max(
        0,
        (state.receivables[o.to * n + s] as number) - paid,
      );
  }
}
