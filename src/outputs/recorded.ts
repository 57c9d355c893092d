// What the run records for the outputs of a chunk of samples: the series and assumptions the
// formulas read, quarter by quarter, and the quarter each entity defaulted.

import type { OutputsPlan } from "./outputsPlan.js";

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

/** A class, not an object literal, so that a second run keeps the code that reads it (see Ctx). */
class Recording implements Recorded {
  readonly series: readonly Float64Array[];
  readonly assumptions: readonly Float64Array[];
  readonly defaultedAt: Int32Array;

  constructor(
    plan: Pick<OutputsPlan, "series" | "assumptions"> | undefined,
    readonly count: number,
    readonly quarters: number,
    entities: number,
  ) {
    this.series = (plan?.series ?? []).map(() => new Float64Array(quarters * count));
    this.assumptions = (plan?.assumptions ?? []).map(() => new Float64Array(quarters * count));
    this.defaultedAt = new Int32Array(entities * count);
  }
}

/**
 * Zeroed room to record what `plan`'s formulas read (nothing without a plan) for `count` samples
 * of `entities` entities over `quarters` quarters.
 */
export function recordingFor(
  plan: Pick<OutputsPlan, "series" | "assumptions"> | undefined,
  count: number,
  quarters: number,
  entities: number,
): Recorded {
  return new Recording(plan, count, quarters, entities);
}
