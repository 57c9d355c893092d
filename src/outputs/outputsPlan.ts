// The compiled outputs of a scenario: what the run must record, and each formula as a flat list
// of steps. Plain data only, so that a plan can be sent to worker threads.

import type { OpCode, TimeVariable } from "../model/ir.js";
import type { SeriesName } from "../sim/result.js";
import type { Unit } from "../units/unit.js";

/** In a step, the quarter being evaluated: the last one, or the one `firstQuarter` is testing. */
export const CURRENT = -1;

/**
 * One step of a formula; step k writes register k. Quarters are 0-based from the scenario's start
 * (or CURRENT); `start`/`end` are offsets in the scenario file, for messages.
 */
export type Step =
  | { readonly k: "const"; readonly value: number }
  /** A recorded series: summed over quarters `from…to` (flows), or its value at `to` (stocks). */
  | {
      readonly k: "series";
      readonly ref: number;
      readonly from: number;
      readonly to: number;
      readonly sum: boolean;
      readonly start: number;
      readonly end: number;
    }
  /** A recorded assumption's value in one quarter. */
  | {
      readonly k: "assumption";
      readonly ref: number;
      readonly quarter: number;
      readonly start: number;
      readonly end: number;
    }
  /** A clock variable, in the current quarter. */
  | { readonly k: "time"; readonly which: TimeVariable }
  /** 1 when the entity has defaulted by the end of the current quarter, else 0. */
  | { readonly k: "defaulted"; readonly entity: number }
  /** 1-based quarter of the entity's default, quarters + 1 when it never defaults. */
  | { readonly k: "defaultQuarter"; readonly entity: number }
  /** 1-based number of the first quarter in which `body` is non-zero, quarters + 1 if none. */
  | { readonly k: "first"; readonly body: Program; readonly start: number; readonly end: number }
  | {
      readonly k: "op";
      readonly op: OpCode;
      readonly args: readonly number[];
      readonly start: number;
      readonly end: number;
    };

/** A compiled formula: its steps, and the register holding its value. */
export interface Program {
  /** Steps in evaluation order (every argument before its use). */
  readonly steps: readonly Step[];
  /** The register (step index) holding the result. */
  readonly result: number;
}

/** What a declared output is, for reports. */
export interface OutputInfo {
  /** Its name. */
  readonly name: string;
  /** Its formula as written, without the leading `=`. */
  readonly text: string;
  /** The unit of its value. */
  readonly unit: Unit;
  /** True when it is a condition (a comparison, and/or/not, defaulted): summarise it as a probability. */
  readonly boolean: boolean;
  /** The note written with it, when given. */
  readonly note?: string;
}

/** A trajectory the formulas read: one series of one entity. */
export interface SeriesRef {
  /** Index of the entity in the scenario's `entities`, in file order. */
  readonly entity: number;
  /** The series. */
  readonly metric: SeriesName;
}

/** The compiled outputs of a scenario: what must be recorded during the run, and the formulas. */
export interface OutputsPlan {
  /** The outputs, in file order. */
  readonly outputs: readonly OutputInfo[];
  /** (entity index, metric) trajectories the formulas read; ref r is recorded into Recorded.series[r]. */
  readonly series: readonly SeriesRef[];
  /** Model columns (assumption indices) whose per-quarter values the formulas read. */
  readonly assumptions: readonly number[];
  /** True when some formula reads defaulted()/defaultQuarter(). */
  readonly defaults: boolean;
  /** The scenario's first quarter (index, see quarter.ts), for the clock variables. */
  readonly start: number;
  /** The scenario's horizon in quarters. */
  readonly quarters: number;
  /** One compiled formula per output, in the order of `outputs`. */
  readonly programs: readonly Program[];
}
