// What every part of the quarter step shares: the series layout of a sample's row, the scratch
// memory allocated once per run, where values are read and series written, and the small
// operations every part uses (reading a value, moving money, recording a transfer or an event).

import type { CompiledSystem } from "./compiledSystem.js";
import type { FlowKind } from "./ledger.js";
import { type ObligationSlots, sectionIndex } from "./obligationSlots.js";
import { SERIES, SERIES_INDEX } from "./result.js";
import type { SimState } from "./simState.js";
import type { StepRecord } from "./stepRecord.js";
import type { StepScratch } from "./stepScratch.js";

/** Series per entity in a sample's row. */
export const M = SERIES.length;
/** Position of cash in an entity's row. */
export const CASH = SERIES_INDEX.cash;
/** Position of revenue. */
export const REVENUE = SERIES_INDEX.revenue;
/** Position of the revenue from end customers (part of revenue). */
export const CUSTOMER_REVENUE = SERIES_INDEX.customerRevenue;
/** Position of costs. */
export const COSTS = SERIES_INDEX.costs;
/** Position of depreciation. */
export const DEPRECIATION = SERIES_INDEX.depreciation;
/** Position of net interest paid. */
export const INTEREST = SERIES_INDEX.interest;
/** Position of net income. */
export const NET_INCOME = SERIES_INDEX.netIncome;
/** Position of capex. */
export const CAPEX = SERIES_INDEX.capex;
/** Position of equity raised. */
export const EQUITY_RAISED = SERIES_INDEX.equityRaised;
/** Position of debt raised. */
export const DEBT_RAISED = SERIES_INDEX.debtRaised;
/** Position of debt. */
export const DEBT = SERIES_INDEX.debt;
/** Position of PP&E. */
export const PPE = SERIES_INDEX.ppe;
/** Position of the value of stakes held. */
export const STAKES = SERIES_INDEX.stakesValue;
/** Position of book equity. */
export const EQUITY = SERIES_INDEX.equity;
/** Position of GPUs in service. */
export const GPUS = SERIES_INDEX.gpus;
/** Position of GW built. */
export const GW = SERIES_INDEX.gw;
/** Cash-flow series of sales, for the seller. */
export const SALES_IN = sectionIndex("sales", "payee");
/** Cash-flow series of equity raised, for the investee. */
export const EQUITY_IN = sectionIndex("equity", "payee");
/** Cash-flow series of a loan received, for the borrower. */
export const LOAN_IN = sectionIndex("loan", "payee");
/** Cash-flow series of cost of revenue, for the payer. */
export const COGS_OUT = sectionIndex("cost-of-revenue", "payer");

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

/**
 * Everything a quarter's step reads, bundled so the helpers take one argument. A class, not an
 * object literal: V8 builds a literal's template on its second evaluation and from then on stores
 * into copies of it, which makes its fields mutable and threw away all the step's compiled code at
 * the start of the second quarter; a constructor's stores leave them constant.
 */
export class Ctx {
  readonly system: CompiledSystem;
  readonly slots: ObligationSlots;
  readonly state: SimState;
  readonly columns: readonly Float64Array[];
  readonly scratch: StepScratch;
  readonly record: StepRecord | null;
  readonly q: number;

  /** Bundles quarter `q`'s step over `state` (see the fields). */
  constructor(
    system: CompiledSystem,
    slots: ObligationSlots,
    state: SimState,
    columns: readonly Float64Array[],
    scratch: StepScratch,
    record: StepRecord | null,
    q: number,
  ) {
    this.system = system;
    this.slots = slots;
    this.state = state;
    this.columns = columns;
    this.scratch = scratch;
    this.record = record;
    this.q = q;
  }
}

/** Column `column` at absolute sample `sa`, 0 for an absent field (column −1). */
export function read(columns: readonly Float64Array[], column: number, sa: number): number {
  return column < 0 ? 0 : ((columns[column] as Float64Array)[sa] as number);
}

/** x when positive, else 0 (NaN included: what is not a positive amount is not owed). */
export function pos(x: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max(NaN, 0) is NaN; a NaN amount must count as 0
  return x > 0 ? x : 0;
}

/** x limited to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** True while entity `e` (or an outside sector, e < 0) has not defaulted in state sample `i`. */
export function alive(state: SimState, e: number, i: number): boolean {
  return e < 0 || (state.defaultedAt[i * state.entities + e] as number) < 0;
}

/** Where entity `e`'s series `m` of batch sample `b` sits in the scratch row. */
export function rowAt(scratch: StepScratch, b: number, e: number, m: number): number {
  return (e * M + m) * scratch.batch + b;
}

/** Adds `amount` to entity `e`'s series `m` of batch sample `b` in the scratch row. */
export function addToRow(
  scratch: StepScratch,
  b: number,
  e: number,
  m: number,
  amount: number,
): void {
  const at = rowAt(scratch, b, e, m);
  scratch.row[at] = (scratch.row[at] as number) + amount;
}

/**
 * Moves `amount` (if positive) between the parties of state sample `i` (batch sample `b`) and
 * enters it in both parties' cash-flow sections.
 */
export function move(
  ctx: Ctx,
  i: number,
  b: number,
  from: number,
  to: number,
  amount: number,
  payerSection: number,
  payeeSection: number,
): void {
  const { scratch, state } = ctx;
  const { external } = scratch;
  const E = state.entities;
  if (from >= 0) {
    state.cash[i * E + from] = (state.cash[i * E + from] as number) - amount;
    if (payerSection >= 0) addToRow(scratch, b, from, payerSection, -amount);
  } else external[b] = (external[b] as number) + amount;
  if (to >= 0) {
    state.cash[i * E + to] = (state.cash[i * E + to] as number) + amount;
    if (payeeSection >= 0) addToRow(scratch, b, to, payeeSection, amount);
  } else external[b] = (external[b] as number) - amount;
}

/** Records a transfer when a record is kept. */
export function note(
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
export function event(
  ctx: Ctx,
  entity: number,
  type: string,
  amount: number,
  message: string,
): void {
  ctx.record?.events.push([entity, type, amount, message]);
}

/** The entity's display name. */
export function nameOf(ctx: Ctx, e: number): string {
  return ctx.system.entities[e]?.name ?? "";
}

/** New shares for `amount` at a pre-money valuation (one share per dollar when none is given). */
export function issueShares(
  state: SimState,
  at: number,
  amount: number,
  valuation: number,
): number {
  const shares = state.shares[at] as number;
  const issued = valuation > 0 ? (amount * shares) / valuation : amount;
  state.shares[at] = shares + issued;
  return issued;
}
