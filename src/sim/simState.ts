// The simulation's state, one Float64Array per quantity, allocated once per run. Each stage of a
// quarter goes through the samples one after the other, so each sample's numbers sit together: entity quantities at
// [s·E + e]; pairs at [(s·E + a)·E + b]; per-quarter schedules at [(s·E + e)·Q + q]; contract
// quantities at [s·C + c]; capacity at [s·K + k].

/**
 * State of every entity, contract and capacity for `n` samples. A class, not an object literal, so
 * that a second run in the same process keeps the step's compiled code (see Ctx).
 */
export class SimState {
  /** Samples. */
  readonly n: number;
  /** Entities (E), contracts (C), capacity (K) and quarters (Q): the widths of the layout. */
  readonly entities: number;
  readonly contracts: number;
  readonly capacity: number;
  readonly quarters: number;
  /** Cash, debt, PP&E, shares outstanding, loan receivables, per entity. */
  readonly cash: Float64Array;
  readonly debt: Float64Array;
  readonly ppe: Float64Array;
  readonly shares: Float64Array;
  readonly receivables: Float64Array;
  /** Quarter of default per entity (−1 while solvent). */
  readonly defaultedAt: Int32Array;
  /** Shares of entity b held by entity a. */
  readonly holdings: Float64Array;
  /** Depreciation due per entity and quarter. */
  readonly depreciation: Float64Array;
  /** Paid so far per contract (equity caps), outstanding principal per contract (loans). */
  readonly paid: Float64Array;
  readonly outstanding: Float64Array;
  /** GW built so far, and GPUs in service (each quarter's survivors of the failure rate plus the
   * GPUs added), per capacity. */
  readonly built: Float64Array;
  readonly gpus: Float64Array;
  /** Outside money (equity from investors, loans from lenders) raised so far, per entity. */
  readonly outsideRaised: Float64Array;
  /** Value of the stakes each entity holds in the others at the end of the last quarter. */
  readonly stakes: Float64Array;

  /** The state of `n` samples for the given sizes: nothing yet, one share each, no default. */
  constructor(n: number, entities: number, contracts: number, capacity: number, quarters: number) {
    const f = (k: number) => new Float64Array(k * n);
    this.n = n;
    this.entities = entities;
    this.contracts = contracts;
    this.capacity = capacity;
    this.quarters = quarters;
    this.cash = f(entities);
    this.debt = f(entities);
    this.ppe = f(entities);
    this.shares = f(entities).fill(1);
    this.receivables = f(entities);
    this.defaultedAt = new Int32Array(entities * n).fill(-1);
    this.holdings = f(entities * entities);
    this.depreciation = f(entities * quarters);
    this.paid = f(contracts);
    this.outstanding = f(contracts);
    this.built = f(capacity);
    this.gpus = f(capacity);
    this.outsideRaised = f(entities);
    this.stakes = f(entities);
  }

  /**
   * Opens entity `k`'s books in sample `i`: its cash and debt are the values of the assumptions
   * `entity` names for them, as `value` reads them (none named: 0), debt no lower than 0.
   */
  open(
    i: number,
    k: number,
    entity: { readonly cash: number; readonly debt: number },
    value: (assumption: number) => number,
  ): void {
    const at = i * this.entities + k;
    this.cash[at] = entity.cash < 0 ? 0 : value(entity.cash);
    this.debt[at] = entity.debt < 0 ? 0 : Math.max(0, value(entity.debt));
  }
}
