// What the run records for the outputs of a chunk of samples: the series and assumptions the
// formulas read, quarter by quarter, and the quarter each entity defaulted.

/** Values recorded for a chunk of `count` samples over `quarters` quarters. */
export interface Recorded {
  /** Samples in the chunk. */
  readonly count: number;
  /** Quarters of the run (the scenario's horizon). */
  readonly quarters: number;
  /** Per plan.series ref, index [q * count + i]. */
  readonly series: readonly Float64Array[];
  /** Per plan.assumptions ref, index [q * count + i]. */
  readonly assumptions: readonly Float64Array[];
  /** [entity * count + i]: 0-based quarter of the entity's default, or −1 when it never defaults. */
  readonly defaultedAt: Int32Array;
}
