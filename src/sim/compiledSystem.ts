// The loop's parts with every number resolved to the model column that holds it (-1 when the
// field is absent), ready for the quarterly simulation.

import type { Model } from "../model/model.js";
import { parseQuarter } from "../scenario/quarter.js";
import type { Scenario } from "../scenario/scenario.js";
import { type ClearingRule, fieldName } from "../scenario/system.js";
import { LENDERS } from "./ledger.js";

/** An entity with the columns of its fields. */
export interface SimEntity {
  /** Its id. */
  readonly id: string;
  /** Its display name. */
  readonly name: string;
  /** Columns: opening cash, debt, valuation; per-quarter revenue, costs; cost of revenue share. */
  readonly cash: number;
  readonly debt: number;
  readonly valuation: number;
  readonly revenue: number;
  readonly costs: number;
  readonly costOfRevenue: number;
  /** Columns of the funding policy. */
  readonly minCash: number;
  readonly equityAppetite: number;
  readonly debtAppetite: number;
  readonly rate: number;
}

/** A contract with party indices (−1 for an outside sector) and field columns. */
export type SimContract =
  | {
      readonly type: "equity";
      readonly id: string;
      readonly from: number;
      readonly to: number;
      readonly amount: number;
      readonly perGw: number;
      readonly capacity: readonly number[];
      readonly cap: number;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: "purchase" | "lease";
      readonly id: string;
      readonly from: number;
      readonly to: number;
      readonly kind: "compute" | "hardware" | "services" | "lease";
      readonly total: number;
      readonly amount: number;
      readonly start: number;
      readonly quarters: number;
      /** False when the buyer may cut the purchase in a quarter it cannot pay, without default. */
      readonly takeOrPay: boolean;
    }
  | {
      readonly type: "loan";
      readonly id: string;
      readonly from: number;
      readonly to: number;
      readonly principal: number;
      readonly rate: number;
      readonly start: number;
      readonly maturity: number;
      readonly bullet: boolean;
    };

/** An equity investment. */
export type SimEquity = Extract<SimContract, { readonly type: "equity" }>;
/** A purchase or a lease. */
export type SimPurchase = Extract<SimContract, { readonly type: "purchase" | "lease" }>;
/** A loan. */
export type SimLoan = Extract<SimContract, { readonly type: "loan" }>;

/** Capacity with its owner, customer and field columns. */
export interface SimCapacity {
  readonly id: string;
  readonly owner: number;
  readonly customer: number;
  readonly online: number;
  readonly wattsPerGpu: number;
  readonly capexPerGw: number;
  readonly usefulLife: number;
  readonly failureRate: number;
  /** Supplier entity indices and the columns of their shares. */
  readonly suppliers: ReadonlyArray<{ readonly entity: number; readonly share: number }>;
}

/** Everything the simulation needs besides the sample columns. */
export interface CompiledSystem {
  readonly start: number;
  readonly quarters: number;
  /** How the quarter's obligations clear. */
  readonly clearing: ClearingRule;
  /**
   * Per entity, the quarter (from 0) in which a stress shock forces it to default, paying
   * nothing from then on; −1 for none.
   */
  readonly forcedDefaults: readonly number[];
  readonly entities: readonly SimEntity[];
  readonly contracts: readonly SimContract[];
  readonly capacity: readonly SimCapacity[];
}

/**
 * Resolves a checked scenario's parts to columns of its model. Ids have been checked by the
 * loader, so every lookup succeeds.
 */
export function compileSystem(scenario: Scenario, model: Model): CompiledSystem {
  const columnOf = new Map(model.assumptions.map((a, i) => [a.name, i]));
  const col = (id: string, ...path: string[]): number => columnOf.get(fieldName(id, ...path)) ?? -1;
  const entityIds = scenario.system.entities.map((e) => e.id);
  const party = (id: string): number => (id === "lenders" ? LENDERS : entityIds.indexOf(id));
  const capacityIds = scenario.system.capacity.map((c) => c.id);
  const q = (label: string | undefined, fallback: number): number =>
    label === undefined ? fallback : (parseQuarter(label) as number);
  const end = scenario.start + scenario.quarters;
  const entities = scenario.system.entities.map(({ id, spec }) => ({
    id,
    name: spec.name ?? id,
    cash: col(id, "cash"),
    debt: col(id, "debt"),
    valuation: col(id, "valuation"),
    revenue: col(id, "revenue"),
    costs: col(id, "costs"),
    costOfRevenue: col(id, "cost_of_revenue"),
    minCash: col(id, "funding", "min_cash"),
    equityAppetite: col(id, "funding", "equity"),
    debtAppetite: col(id, "funding", "debt"),
    rate: col(id, "funding", "rate"),
  }));
  const contracts = scenario.system.contracts.map((c): SimContract => {
    switch (c.type) {
      case "equity":
        return {
          type: "equity",
          id: c.id,
          from: party(c.investor),
          to: party(c.investee),
          amount: col(c.id, "amount"),
          perGw: col(c.id, "per_gw"),
          capacity: (c.capacity ?? []).map((id) => capacityIds.indexOf(id)),
          cap: col(c.id, "cap"),
          start: q(c.start, scenario.start),
          end: q(c.end, end - 1),
        };
      case "purchase":
      case "lease": {
        const [from, to] = c.type === "purchase" ? [c.buyer, c.seller] : [c.lessee, c.lessor];
        const start = q(c.start, scenario.start);
        return {
          type: c.type,
          id: c.id,
          from: party(from),
          to: party(to),
          kind: c.type === "lease" ? "lease" : (c.kind ?? "compute"),
          total: col(c.id, "total"),
          amount: col(c.id, "amount"),
          start,
          quarters: c.quarters ?? end - start,
          takeOrPay: c.type === "lease" || c.take_or_pay !== false,
        };
      }
      case "loan":
        return {
          type: "loan",
          id: c.id,
          from: party(c.lender),
          to: party(c.borrower),
          principal: col(c.id, "principal"),
          rate: col(c.id, "rate"),
          start: q(c.start, scenario.start),
          maturity: c.maturity,
          bullet: c.amortization !== "linear",
        };
      default:
        return c satisfies never;
    }
  });
  const capacity = scenario.system.capacity.map((c) => ({
    id: c.id,
    owner: party(c.owner),
    customer: c.for === undefined ? -1 : party(c.for),
    online: col(c.id, "online"),
    wattsPerGpu: col(c.id, "watts_per_gpu"),
    capexPerGw: col(c.id, "capex_per_gw"),
    usefulLife: col(c.id, "useful_life"),
    failureRate: col(c.id, "failure_rate"),
    suppliers: Object.keys(c.suppliers ?? {}).map((id) => ({
      entity: party(id),
      share: col(c.id, "suppliers", id),
    })),
  }));
  return {
    start: scenario.start,
    quarters: scenario.quarters,
    clearing: scenario.system.clearing,
    forcedDefaults: entities.map(() => -1),
    entities,
    contracts,
    capacity,
  };
}
