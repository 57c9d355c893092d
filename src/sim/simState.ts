// The simulation's state, one Float64Array per quantity, allocated once per run. Each stage of a
// quarter goes through the samples one after the other, so each sample's numbers sit together: entity quantities at
// [s·E + e]; pairs at [(s·E + a)·E + b]; per-quarter schedules at [(s·E + e)·Q + q]; contract
// quantities at [s·C + c]; capacity at [s·K + k].

/** State of every entity, contract and capacity for `n` samples. */
export interface SimState {
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
}

/** Allocates the state for the given sizes. */
export function allocateState(
  n: number,
  entities: number,
  contracts: number,
  capacity: number,
  quarters: number,
): SimState {
  const f = (k: number) => new Float64Array(k * n);
  const defaultedAt = new Int32Array(entities * n).fill(-1);
  return {
    n,
    entities,
    contracts,
    capacity,
    quarters,
    cash: f(entities),
    debt: f(entities),
    ppe: f(entities),
    shares: f(entities).fill(1),
    receivables: f(entities),
    defaultedAt,
    holdings: f(entities * entities),
    depreciation: f(entities * quarters),
    paid: f(contracts),
    outstanding: f(contracts),
    built: f(capacity),
    gpus: f(capacity),
    outsideRaised: f(entities),
    stakes: f(entities),
  };
}
