// The values the formulas of a scenario read, each listed once: series of entities, assumptions'
// columns, and whether defaults are needed.

import type { SeriesName } from "../sim/result.js";
import type { SeriesRef } from "./outputsPlan.js";

/** What the run must record, collected while the formulas are compiled. */
export interface Recording {
  /** Series read, in order of first use. */
  readonly series: SeriesRef[];
  /** Model columns read, in order of first use. */
  readonly assumptions: number[];
  /** True once a formula reads a default. */
  defaults: boolean;
}

/** An empty recording. */
export function newRecording(): Recording {
  return { series: [], assumptions: [], defaults: false };
}

/** The ref of series `metric` of entity `entity`, added when new. */
export function seriesRef(rec: Recording, entity: number, metric: SeriesName): number {
  const found = rec.series.findIndex((s) => s.entity === entity && s.metric === metric);
  return found >= 0 ? found : rec.series.push({ entity, metric }) - 1;
}

/** The ref of model column `column`, added when new. */
export function assumptionRef(rec: Recording, column: number): number {
  const found = rec.assumptions.indexOf(column);
  return found >= 0 ? found : rec.assumptions.push(column) - 1;
}
