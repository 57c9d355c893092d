// The simulation's state, one Float64Array column per quantity across samples, allocated once
// per run. Index conventions: entity quantities at [e·n + s]; pairs at [(a·E + b)·n + s];
// per-quarter schedules at [(e·Q + q)·n + s].

/** State of every entity, contract and capacity for `n` samples. */
export interface SimState {
  /** Samples. */
  readonly n: number;
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
  /** GW built so far per capacity; GW and GPUs added per capacity and quarter. */
  readonly built: Float64Array;
  readonly gwAdded: Float64Array;
  readonly gpusAdded: Float64Array;
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
    gwAdded: f(capacity * quarters),
    gpusAdded: f(capacity * quarters),
  };
}
