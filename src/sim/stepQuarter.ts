// One quarter of one sample: revenue in, capacity built, funding raised where cash would fall
// short, obligations cleared, defaults declared, and the books (income, balance sheet) updated.

import { book, issueShares } from "./bookTransfer.js";
import { CASH_FLOW_SERIES, cashFlowSection } from "./cashFlowClass.js";
import { clearProRata } from "./clearProRata.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { CUSTOMERS, INVESTORS, LENDERS, type Obligation, SUPPLIERS } from "./ledger.js";
import { lostContracts } from "./lostContracts.js";
import { cutOptionalPurchases } from "./optionalPurchases.js";
import { quarterObligations, type Reader } from "./quarterObligations.js";
import { emptySeriesRow, type SeriesName } from "./result.js";
import type { SimState } from "./simState.js";

/** What a quarter reports besides the state: transfers, events and the outside sectors' net. */
export interface QuarterReport {
  /** Every transfer made, [from, to, contract, kind, amount]. */
  readonly transfers: Obligation[];
  /** Events, [entity, type, amount, message]. */
  readonly events: Array<[number, string, number, string]>;
  /** Money in from outside sectors minus money out to them. */
  readonly externalNet: number;
  /** Change of all entities' cash over the quarter (must equal externalNet). */
  readonly cashChange: number;
  /** Per entity, the series values of the quarter. */
  readonly series: Array<Record<SeriesName, number>>;
}

/** Runs quarter `q` of sample `s`, mutating `state`. */
export function stepQuarter(
  system: CompiledSystem,
  state: SimState,
  q: number,
  s: number,
  v: Reader,
): QuarterReport {
  const { n } = state;
  const E = system.entities.length;
  const Q = system.quarters;
  const at = (e: number) => e * n + s;
  const alive = (e: number) => e < 0 || (state.defaultedAt[at(e)] as number) < 0;
  const name = (e: number) => system.entities[e]?.name ?? "";
  const transfers: Obligation[] = [];
  const events: Array<[number, string, number, string]> = [];
  const series = system.entities.map(emptySeriesRow);
  const cash = system.entities.map((_, e) => state.cash[at(e)] as number);
  const cashBefore = cash.reduce((a, b) => a + b, 0);
  let externalNet = 0;
  const move = (o: Obligation, amount: number) => {
    if (amount <= 0) return;
    transfers.push({ ...o, amount });
    const payer = series[o.from];
    const payee = series[o.to];
    if (payer) payer[CASH_FLOW_SERIES[cashFlowSection(o.kind, "payer")]] -= amount;
    if (payee) payee[CASH_FLOW_SERIES[cashFlowSection(o.kind, "payee")]] += amount;
    if (o.from >= 0) cash[o.from] = (cash[o.from] as number) - amount;
    else externalNet += amount;
    if (o.to >= 0) cash[o.to] = (cash[o.to] as number) + amount;
    else externalNet -= amount;
  };

  system.entities.forEach((e, k) => {
    const sales = Math.max(0, v(e.revenue));
    if (!alive(k) || sales <= 0) return;
    move({ from: CUSTOMERS, to: k, contract: "sales", kind: "sales", amount: 0, index: -1 }, sales);
    (series[k] as Record<SeriesName, number>).revenue += sales;
  });
  const { obligations, effects } = quarterObligations(system, state, q, s, v);
  effects.gwAdded.forEach((gw, k) => {
    const c = system.capacity[k];
    if (gw > 0 && c)
      events.push([
        c.owner,
        "capacity-online",
        0,
        `${c.id}: ${(gw / 1e9).toPrecision(3)} GW online`,
      ]);
  });
  for (const [i, principal] of effects.outsideLoans) {
    const c = system.contracts[i];
    if (c?.type !== "loan") continue;
    move({ from: LENDERS, to: c.to, contract: c.id, kind: "loan", amount: 0, index: i }, principal);
    state.outstanding[i * n + s] = principal;
    const row = series[c.to];
    if (row) row.debtRaised += principal;
  }

  // Funding: raise from outside investors, then lenders, what cash and receipts will not cover.
  system.entities.forEach((e, k) => {
    if (!alive(k)) return;
    let owed = 0;
    let expected = 0;
    for (const o of obligations) {
      if (o.from === k) owed += o.amount;
      if (o.to === k && alive(o.from)) expected += o.amount;
    }
    let need = owed + Math.max(0, v(e.minCash)) - (cash[k] as number) - expected;
    if (need <= 0) return;
    const equity = Math.min(need, Math.max(0, v(e.equityAppetite)));
    if (equity > 0) {
      issueShares(state, k, s, equity, v(e.valuation));
      move(
        { from: INVESTORS, to: k, contract: "funding", kind: "equity", amount: 0, index: -1 },
        equity,
      );
      (series[k] as Record<SeriesName, number>).equityRaised += equity;
      events.push([k, "equity-round", equity, `${name(k)} raises equity from outside investors`]);
      need -= equity;
    }
    const debt = Math.min(need, Math.max(0, v(e.debtAppetite)));
    if (debt > 0) {
      state.debt[at(k)] = (state.debt[at(k)] as number) + debt;
      move({ from: LENDERS, to: k, contract: "funding", kind: "loan", amount: 0, index: -1 }, debt);
      (series[k] as Record<SeriesName, number>).debtRaised += debt;
      events.push([k, "debt-round", debt, `${name(k)} borrows from outside lenders`]);
    }
  });

  const due = cutOptionalPurchases(system, obligations, cash, alive, events, name);
  const f = clearProRata(cash, due);
  for (const o of due) {
    const paid = o.from >= 0 ? (f[o.from] as number) * o.amount : o.amount;
    move(o, paid);
    book(system, state, o, paid, { q, s, v, series, events, name });
  }
  f.forEach((fraction, k) => {
    if (fraction >= 1 - 1e-12 || !alive(k)) return;
    const owed = due.filter((o) => o.from === k).reduce((a, o) => a + o.amount, 0);
    state.defaultedAt[at(k)] = q;
    events.push([
      k,
      "missed-payment",
      owed * (1 - fraction),
      `${name(k)} pays ${(fraction * 100).toFixed(1)}% of what it owes`,
    ]);
    events.push([
      k,
      "default",
      owed * (1 - fraction),
      `${name(k)} defaults: its remaining contracts stop`,
    ]);
    lostContracts(system, state, k, q, s, v, events, name);
  });

  // Cost of revenue, paid outside from the quarter's cash (never more than there is).
  system.entities.forEach((e, k) => {
    const row = series[k] as Record<SeriesName, number>;
    const cogs = Math.min(
      Math.max(0, cash[k] as number),
      Math.max(0, v(e.costOfRevenue)) * row.revenue,
    );
    move(
      {
        from: k,
        to: SUPPLIERS,
        contract: "cost of revenue",
        kind: "cost-of-revenue",
        amount: 0,
        index: -1,
      },
      cogs,
    );
    row.costs += cogs;
  });

  // Books: depreciation, capacity, balance sheet.
  for (let e = 0; e < E; e++) {
    const row = series[e] as Record<SeriesName, number>;
    const dep = Math.min(
      state.depreciation[(e * Q + q) * n + s] as number,
      state.ppe[at(e)] as number,
    );
    state.ppe[at(e)] = (state.ppe[at(e)] as number) - dep;
    row.depreciation = dep;
    state.cash[at(e)] = cash[e] as number;
    row.cash = cash[e] as number;
    row.netIncome = row.revenue - row.costs - row.depreciation - row.interest;
  }
  system.capacity.forEach((c, k) => {
    const row = series[c.owner];
    if (!row) return;
    row.gw += state.built[k * n + s] as number;
    const survival = 1 - Math.min(1, Math.max(0, v(c.failureRate)));
    for (let vq = 0; vq <= q; vq++)
      row.gpus += (state.gpusAdded[(k * Q + vq) * n + s] as number) * survival ** ((q - vq) / 4);
  });
  for (let e = 0; e < E; e++) {
    const row = series[e] as Record<SeriesName, number>;
    row.debt = (state.debt[at(e)] as number) + loansOwed(system, state, e, s);
    row.ppe = state.ppe[at(e)] as number;
    let stakes = 0;
    for (let j = 0; j < E; j++) {
      const held = state.holdings[(e * E + j) * n + s] as number;
      if (held > 0 && alive(j))
        stakes +=
          held *
          (v((system.entities[j] as { valuation: number }).valuation) /
            (state.shares[at(j)] as number));
    }
    row.stakesValue = stakes;
    row.equity =
      row.cash + row.ppe + row.stakesValue + (state.receivables[at(e)] as number) - row.debt;
  }
  const cashAfter = cash.reduce((a, b) => a + b, 0);
  return { transfers, events, externalNet, cashChange: cashAfter - cashBefore, series };
}

/** Principal outstanding on loan contracts where `e` is the borrower. */
function loansOwed(system: CompiledSystem, state: SimState, e: number, s: number): number {
  let owed = 0;
  system.contracts.forEach((c, i) => {
    if (c.type === "loan" && c.to === e) owed += state.outstanding[i * state.n + s] as number;
  });
  return owed;
}
