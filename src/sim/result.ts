// The result document of a simulation run: series per entity and quarter, stakes, flows, events
// and the conservation check. Money in dollars, power in watts. See docs/results.md.

/** Series recorded per entity, one number per quarter. */
export const SERIES = [
  "cash",
  "revenue",
  "customerRevenue",
  "costs",
  "depreciation",
  "interest",
  "netIncome",
  "capex",
  "equityRaised",
  "debtRaised",
  "debt",
  "ppe",
  "stakesValue",
  "equity",
  "gpus",
  "gw",
  "operatingCashFlow",
  "investingCashFlow",
  "financingCashFlow",
] as const;

/** The name of a recorded series. */
export type SeriesName = (typeof SERIES)[number];

/** Position of each series in SERIES (rows of the step's output are laid out in this order). */
export const SERIES_INDEX = Object.fromEntries(SERIES.map((name, i) => [name, i])) as Readonly<
  Record<SeriesName, number>
>;

/**
 * Series that are stocks: a year's value is the one at its last quarter. The others are flows,
 * summed over the year's quarters.
 */
export const STOCK_SERIES: ReadonlySet<SeriesName> = new Set([
  "cash",
  "debt",
  "ppe",
  "stakesValue",
  "equity",
  "gpus",
  "gw",
]);

/** One payment between two parties. */
export interface Flow {
  /** Quarter label. */
  readonly quarter: string;
  /** Payer: an entity id or an outside sector (customers, investors, lenders, suppliers). */
  readonly from: string;
  /** Payee. */
  readonly to: string;
  /** Contract id, or the kind of flow outside contracts (sales, costs, funding, capex). */
  readonly contract: string;
  /** What the money is for. */
  readonly kind: string;
  /** Dollars. */
  readonly amount: number;
}

/** Something that happened. */
export interface SimEvent {
  /** Quarter label. */
  readonly quarter: string;
  /** The entity it happened to. */
  readonly entity: string;
  /** tranche, equity-round, debt-round, capacity-online, purchase-cut, missed-payment, default, contract-lost. */
  readonly type: string;
  /** Dollars involved (0 when none). */
  readonly amount: number;
  /** In words. */
  readonly message: string;
}

/** One entity's results. */
export interface EntityResult {
  /** Display name. */
  readonly name: string;
  /** Series by name. */
  readonly series: Record<SeriesName, number[]>;
  /** Ownership fraction of each other entity, per quarter. */
  readonly stakes: Record<string, number[]>;
  /** The quarter it defaulted, or null. */
  readonly defaultedAt: string | null;
}

/** The result of a point run. */
export interface RunResult {
  /** Scenario name. */
  readonly scenario: string;
  /** Quarter labels. */
  readonly quarters: string[];
  /** Results by entity id. */
  readonly entities: Record<string, EntityResult>;
  /** Every payment. */
  readonly flows: Flow[];
  /** Every event. */
  readonly events: SimEvent[];
  /** The declared outputs' values on this run, by name (empty when none were asked for). */
  readonly outputs: Record<string, number>;
  /** Invariant checks. */
  readonly checks: { readonly conservation: { readonly maxAbsError: number } };
}
