// One quarter for a range of samples: revenue in, capacity built, funding raised where cash
// would fall short, obligations cleared, defaults declared, and the books (income, balance
// sheet, cash flows) updated. Allocation-free per sample: the obligations live in a fixed slot
// table, and transfers and events are recorded only when a record is asked for (point runs).

import { DEFAULT_HARDWARE_LIFE_YEARS } from "../defaults.js";
import { clearProRata } from "./clearProRata.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { CUSTOMERS, type FlowKind, INVESTORS, LENDERS, SUPPLIERS } from "./ledger.js";
import { BOOK, type ObligationSlots, sectionIndex } from "./obligationSlots.js";
import { SERIES, SERIES_INDEX } from "./result.js";
import type { SimState } from "./simState.js";
import { recordDefault, type StepRecord } from "./stepRecord.js";

const M = SERIES.length;
const CASH = SERIES_INDEX.cash;
const REVENUE = SERIES_INDEX.revenue;
const COSTS = SERIES_INDEX.costs;
const DEPRECIATION = SERIES_INDEX.depreciation;
const INTEREST = SERIES_INDEX.interest;
const NET_INCOME = SERIES_INDEX.netIncome;
const CAPEX = SERIES_INDEX.capex;
const EQUITY_RAISED = SERIES_INDEX.equityRaised;
const DEBT_RAISED = SERIES_INDEX.debtRaised;
const DEBT = SERIES_INDEX.debt;
const PPE = SERIES_INDEX.ppe;
const STAKES = SERIES_INDEX.stakesValue;
const EQUITY = SERIES_INDEX.equity;
const GPUS = SERIES_INDEX.gpus;
const GW = SERIES_INDEX.gw;
const SALES_IN = sectionIndex("sales", "payee");
const EQUITY_IN = sectionIndex("equity", "payee");
const LOAN_IN = sectionIndex("loan", "payee");
const COGS_OUT = sectionIndex("cost-of-revenue", "payer");

/** Working memory of the step, allocated once per run (or per thread). */
export interface StepScratch {
  /** Cash of each entity during the quarter. */
  readonly cash: Float64Array;
  /** Amount owed per slot, and what remains due after optional purchases are cut. */
  readonly amount: Float64Array;
  readonly due: Float64Array;
  /** Clearing: the fraction each entity pays, what it owes and what it receives. */
  readonly f: Float64Array;
  readonly owed: Float64Array;
  readonly inflow: Float64Array;
  /** The quarter's series, [entity · SERIES.length + series]. */
  readonly row: Float64Array;
  /** GW built per capacity this quarter. */
  readonly gwAdded: Float64Array;
  /** GPUs put in service per capacity this quarter. */
  readonly gpusAdded: Float64Array;
  /** Principal paid out by outside lenders per contract this quarter (−1: none). */
  readonly outsideLoan: Float64Array;
  /** Outside sectors' net flow to the entities in the current sample. */
  external: number;
}

/** Allocates the step's scratch for `system`. */
export function allocateScratch(system: CompiledSystem, slots: ObligationSlots): StepScratch {
  const E = system.entities.length;
  return {
    cash: new Float64Array(E),
    amount: new Float64Array(slots.count),
    due: new Float64Array(slots.count),
    f: new Float64Array(E),
    owed: new Float64Array(E),
    inflow: new Float64Array(E),
    row: new Float64Array(E * M),
    gwAdded: new Float64Array(system.capacity.length),
    gpusAdded: new Float64Array(system.capacity.length),
    outsideLoan: new Float64Array(system.contracts.length),
    external: 0,
  };
}

/** Where a step reads its values and writes its series. */
export interface StepIo {
  /** One column per assumption, indexed by absolute sample number. */
  readonly columns: readonly Float64Array[];
  /** Absolute sample number of the state's sample 0. */
  readonly base: number;
  /** Series output: [(entity · SERIES.length + series) · stride + outBase + i] for state sample i. */
  readonly out: Float64Array;
  readonly stride: number;
  readonly outBase: number;
}

/** Everything one sample's step reads, bundled so the helpers take one argument. */
interface Ctx {
  readonly system: CompiledSystem;
  readonly slots: ObligationSlots;
  readonly state: SimState;
  readonly columns: readonly Float64Array[];
  readonly scratch: StepScratch;
  readonly record: StepRecord | null;
  readonly q: number;
}

function read(columns: readonly Float64Array[], column: number, sa: number): number {
  return column < 0 ? 0 : ((columns[column] as Float64Array)[sa] as number);
}

/** x when positive, else 0 (NaN included: what is not a positive amount is not owed). */
function pos(x: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max(NaN, 0) is NaN; a NaN amount must count as 0
  return x > 0 ? x : 0;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function alive(state: SimState, e: number, i: number): boolean {
  return e < 0 || (state.defaultedAt[i * state.entities + e] as number) < 0;
}

/** Moves `amount` (if positive) and enters it in both parties' cash-flow sections. */
function move(
  ctx: Ctx,
  from: number,
  to: number,
  amount: number,
  payerSection: number,
  payeeSection: number,
): void {
  const { scratch } = ctx;
  const { cash, row } = scratch;
  if (from >= 0) {
    cash[from] = (cash[from] as number) - amount;
    if (payerSection >= 0)
      row[from * M + payerSection] = (row[from * M + payerSection] as number) - amount;
  } else scratch.external += amount;
  if (to >= 0) {
    cash[to] = (cash[to] as number) + amount;
    if (payeeSection >= 0)
      row[to * M + payeeSection] = (row[to * M + payeeSection] as number) + amount;
  } else scratch.external -= amount;
}

/** Records a transfer when a record is kept. */
function note(
  ctx: Ctx,
  from: number,
  to: number,
  contract: string,
  kind: FlowKind,
  amount: number,
): void {
  ctx.record?.transfers.push({ from, to, contract, kind, amount, index: -1 });
}

/** Records an event when a record is kept. */
function event(ctx: Ctx, entity: number, type: string, amount: number, message: string): void {
  ctx.record?.events.push([entity, type, amount, message]);
}

/** The entity's display name. */
function nameOf(ctx: Ctx, e: number): string {
  return ctx.system.entities[e]?.name ?? "";
}

/** New shares for `amount` at a pre-money valuation (one share per dollar when none is given). */
function issueShares(state: SimState, at: number, amount: number, valuation: number): number {
  const shares = state.shares[at] as number;
  const issued = valuation > 0 ? (amount * shares) / valuation : amount;
  state.shares[at] = shares + issued;
  return issued;
}

/** Fills the quarter's obligations into the slot amounts, and builds capacity. */
function fillObligations(ctx: Ctx, i: number, sa: number): void {
  const { system, slots, state, columns, scratch, q } = ctx;
  const now = system.start + q;
  const amount = scratch.amount;
  for (let j = 0; j < amount.length; j++) amount[j] = 0;
  for (let ci = 0; ci < scratch.outsideLoan.length; ci++) scratch.outsideLoan[ci] = -1;
  for (let k = 0; k < system.capacity.length; k++) {
    const c = system.capacity[k] as CompiledSystem["capacity"][number];
    scratch.gwAdded[k] = 0;
    scratch.gpusAdded[k] = 0;
    if (!alive(state, c.owner, i) || !alive(state, c.customer, i)) continue;
    const target = Math.max(0, read(columns, c.online, sa));
    const added = Math.max(0, target - (state.built[i * state.capacity + k] as number));
    if (added === 0) continue;
    state.built[i * state.capacity + k] = target;
    scratch.gpusAdded[k] = added / read(columns, c.wattsPerGpu, sa);
    const capex = added * read(columns, c.capexPerGw, sa);
    let rest = capex;
    let slot = slots.capacityStart[k] as number;
    for (const supplier of c.suppliers) {
      const part = capex * clamp01(read(columns, supplier.share, sa));
      amount[slot++] = pos(part);
      rest -= part;
    }
    amount[slot] = pos(rest);
    scratch.gwAdded[k] = added;
    if (ctx.record)
      event(
        ctx,
        c.owner,
        "capacity-online",
        0,
        `${c.id}: ${(added / 1e9).toPrecision(3)} GW online`,
      );
  }
  for (let ci = 0; ci < system.contracts.length; ci++) {
    const c = system.contracts[ci] as CompiledSystem["contracts"][number];
    if (!alive(state, c.from, i) || !alive(state, c.to, i)) continue;
    const slot = slots.contractStart[ci] as number;
    const at = i * state.contracts + ci;
    switch (c.type) {
      case "equity": {
        if (now < c.start || now > c.end) continue;
        let gw = 0;
        for (const k of c.capacity) gw += scratch.gwAdded[k] ?? 0;
        let owed =
          Math.max(0, read(columns, c.amount, sa)) + Math.max(0, read(columns, c.perGw, sa)) * gw;
        if (c.cap >= 0)
          owed = Math.min(owed, Math.max(0, read(columns, c.cap, sa) - (state.paid[at] as number)));
        amount[slot] = pos(owed);
        continue;
      }
      case "purchase":
      case "lease": {
        if (now < c.start || now >= c.start + c.quarters) continue;
        const owed =
          c.total >= 0 ? read(columns, c.total, sa) / c.quarters : read(columns, c.amount, sa);
        amount[slot] = pos(owed);
        continue;
      }
      case "loan": {
        if (now === c.start) {
          const principal = Math.max(0, read(columns, c.principal, sa));
          if (c.from === LENDERS) scratch.outsideLoan[ci] = principal;
          else amount[slot] = principal;
          continue;
        }
        const outstanding = state.outstanding[at] as number;
        if (now < c.start || outstanding <= 0) continue;
        amount[slot + 1] = pos((outstanding * read(columns, c.rate, sa)) / 4);
        const repay = c.bullet
          ? now - c.start >= c.maturity
            ? outstanding
            : 0
          : Math.min(outstanding, read(columns, c.principal, sa) / c.maturity);
        amount[slot + 2] = pos(repay);
        continue;
      }
      default:
        c satisfies never;
    }
  }
  for (let k = 0; k < system.entities.length; k++) {
    if (!alive(state, k, i)) continue;
    const e = system.entities[k] as CompiledSystem["entities"][number];
    const slot = slots.entityStart[k] as number;
    amount[slot] = pos(read(columns, e.costs, sa));
    amount[slot + 1] = pos(
      ((state.debt[i * state.entities + k] as number) * Math.max(0, read(columns, e.rate, sa))) / 4,
    );
  }
}

/** Raises outside equity, then outside debt, for what cash and receipts will not cover. */
function raiseFunding(ctx: Ctx, i: number, sa: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const row = scratch.row;
  for (let k = 0; k < system.entities.length; k++) {
    if (!alive(state, k, i)) continue;
    const e = system.entities[k] as CompiledSystem["entities"][number];
    let owed = 0;
    let expected = 0;
    for (let j = 0; j < slots.count; j++) {
      const x = scratch.amount[j] as number;
      if (x <= 0) continue;
      if (slots.from[j] === k) owed += x;
      if (slots.to[j] === k && alive(state, slots.from[j] as number, i)) expected += x;
    }
    let need =
      owed + Math.max(0, read(columns, e.minCash, sa)) - (scratch.cash[k] as number) - expected;
    if (need <= 0) continue;
    const equity = Math.min(need, Math.max(0, read(columns, e.equityAppetite, sa)));
    if (equity > 0) {
      issueShares(state, i * state.entities + k, equity, read(columns, e.valuation, sa));
      move(ctx, INVESTORS, k, equity, -1, EQUITY_IN);
      note(ctx, INVESTORS, k, "funding", "equity", equity);
      row[k * M + EQUITY_RAISED] = (row[k * M + EQUITY_RAISED] as number) + equity;
      state.outsideRaised[i * state.entities + k] =
        (state.outsideRaised[i * state.entities + k] as number) + equity;
      if (ctx.record)
        event(
          ctx,
          k,
          "equity-round",
          equity,
          `${nameOf(ctx, k)} raises equity from outside investors`,
        );
      need -= equity;
    }
    const debt = Math.min(need, Math.max(0, read(columns, e.debtAppetite, sa)));
    if (debt > 0) {
      state.debt[i * state.entities + k] = (state.debt[i * state.entities + k] as number) + debt;
      move(ctx, LENDERS, k, debt, -1, LOAN_IN);
      note(ctx, LENDERS, k, "funding", "loan", debt);
      row[k * M + DEBT_RAISED] = (row[k * M + DEBT_RAISED] as number) + debt;
      state.outsideRaised[i * state.entities + k] =
        (state.outsideRaised[i * state.entities + k] as number) + debt;
      if (ctx.record)
        event(ctx, k, "debt-round", debt, `${nameOf(ctx, k)} borrows from outside lenders`);
    }
  }
}

/**
 * Copies the amounts into `due`, dropping the optional purchases of buyers whose cash and
 * receipts do not cover what they owe: they skip those this quarter, without defaulting.
 */
function cutOptionalPurchases(ctx: Ctx, i: number): void {
  const { system, slots, scratch } = ctx;
  const { amount, due } = scratch;
  due.set(amount);
  for (let k = 0; k < system.entities.length; k++) {
    let hasOptional = false;
    for (let j = 0; j < slots.count; j++)
      if (
        slots.from[j] === k &&
        (amount[j] as number) > 0 &&
        ((slots.book[j] as number) & BOOK.optional) !== 0
      )
        hasOptional = true;
    if (!hasOptional) continue;
    let owed = 0;
    let available = scratch.cash[k] as number;
    for (let j = 0; j < slots.count; j++) {
      const x = amount[j] as number;
      if (x <= 0) continue;
      if (slots.from[j] === k) owed += x;
      if (slots.to[j] === k && alive(ctx.state, slots.from[j] as number, i)) available += x;
    }
    if (owed <= available) continue;
    for (let j = 0; j < slots.count; j++) {
      if (slots.from[j] !== k || ((slots.book[j] as number) & BOOK.optional) === 0) continue;
      const x = amount[j] as number;
      if (x <= 0) continue;
      due[j] = 0;
      const to = slots.to[j] as number;
      if (ctx.record)
        event(
          ctx,
          k,
          "purchase-cut",
          x,
          `${nameOf(ctx, k)} cannot pay and skips ${slots.label[j]} with ${nameOf(ctx, to)} this quarter`,
        );
    }
  }
}

/** Spreads a capitalised purchase over its useful life as depreciation from this quarter on. */
function capitalize(ctx: Ctx, e: number, amount: number, years: number, i: number): void {
  const { state, system, q } = ctx;
  const Q = system.quarters;
  state.ppe[i * state.entities + e] = (state.ppe[i * state.entities + e] as number) + amount;
  const life = Math.max(1, Math.round(years * 4));
  for (let k = q; k < Math.min(Q, q + life); k++) {
    const at = (i * state.entities + e) * Q + k;
    state.depreciation[at] = (state.depreciation[at] as number) + amount / life;
  }
}

/** Enters the payment of slot `j` in both parties' books. */
function book(ctx: Ctx, j: number, paid: number, i: number, sa: number): void {
  const { system, slots, state, columns, scratch } = ctx;
  const E = system.entities.length;
  const row = scratch.row;
  const flags = slots.book[j] as number;
  const from = slots.from[j] as number;
  const to = slots.to[j] as number;
  const ci = slots.contract[j] as number;
  if (to >= 0 && (flags & BOOK.revenue) !== 0)
    row[to * M + REVENUE] = (row[to * M + REVENUE] as number) + paid;
  if (from >= 0 && (flags & BOOK.expense) !== 0)
    row[from * M + COSTS] = (row[from * M + COSTS] as number) + paid;
  if ((flags & BOOK.interest) !== 0) {
    if (from >= 0) row[from * M + INTEREST] = (row[from * M + INTEREST] as number) + paid;
    if (to >= 0) row[to * M + INTEREST] = (row[to * M + INTEREST] as number) - paid;
  }
  if (from >= 0 && (flags & BOOK.capitalize) !== 0) {
    row[from * M + CAPEX] = (row[from * M + CAPEX] as number) + paid;
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
    row[to * M + EQUITY_RAISED] = (row[to * M + EQUITY_RAISED] as number) + paid;
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
    if (to >= 0) row[to * M + DEBT_RAISED] = (row[to * M + DEBT_RAISED] as number) + paid;
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

/** Pays what clearing allows, books it, and declares the defaults. */
function settle(ctx: Ctx, i: number, sa: number): void {
  const { system, slots, state, scratch, q } = ctx;
  const { due, f } = scratch;
  clearProRata(scratch.cash, slots, due, f, scratch.owed, scratch.inflow);
  for (let j = 0; j < slots.count; j++) {
    const x = due[j] as number;
    if (x <= 0) continue;
    const from = slots.from[j] as number;
    const paid = from >= 0 ? (f[from] as number) * x : x;
    if (paid <= 0) continue;
    move(
      ctx,
      from,
      slots.to[j] as number,
      paid,
      slots.payerSection[j] as number,
      slots.payeeSection[j] as number,
    );
    note(
      ctx,
      from,
      slots.to[j] as number,
      slots.label[j] as string,
      slots.kind[j] as FlowKind,
      paid,
    );
    book(ctx, j, paid, i, sa);
  }
  for (let k = 0; k < system.entities.length; k++) {
    const fraction = f[k] as number;
    if (fraction >= 1 - 1e-12 || !alive(state, k, i)) continue;
    state.defaultedAt[i * state.entities + k] = q;
    if (ctx.record)
      recordDefault(
        ctx.record,
        system,
        state,
        k,
        fraction,
        scratch.owed[k] as number,
        q,
        i,
        sa,
        ctx.columns,
      );
  }
}

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

/** Depreciation, capacity and the balance sheet at the end of the quarter. */
function closeBooks(ctx: Ctx, i: number, sa: number): void {
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
    }
    fillObligations(ctx, i, sa);
    for (let ci = 0; ci < system.contracts.length; ci++) {
      const principal = scratch.outsideLoan[ci] as number;
      if (principal < 0) continue;
      const to = (system.contracts[ci] as CompiledSystem["contracts"][number]).to;
      if (principal > 0) {
        move(ctx, LENDERS, to, principal, -1, LOAN_IN);
        note(ctx, LENDERS, to, (system.contracts[ci] as { id: string }).id, "loan", principal);
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
