// The compiled model: every assumption with its unit and compiled value, and the order in
// which to evaluate them.

import type { Distribution } from "../dist/distribution.js";
import type { Unit } from "../units/unit.js";
import type { IrNode } from "./ir.js";

/** How an assumption gets its value. */
export type AssumptionKind = "fixed" | "uncertain" | "formula" | "schedule";

/** A compiled assumption. */
export interface CompiledAssumption {
  /** Its name. */
  readonly name: string;
  /** Its unit. */
  readonly unit: Unit;
  /** Fixed (a constant), uncertain (a single distribution), a formula or a step schedule. */
  readonly kind: AssumptionKind;
  /** The compiled value. */
  readonly node: IrNode;
  /** True when the value depends on the clock (t, now, year), directly or through references. */
  readonly timeVarying: boolean;
  /** The value as written (without the leading `=` of a formula). */
  readonly text: string;
  /** The distribution, when the whole value is one. */
  readonly distribution?: Distribution;
  /** Where the figure comes from, when given. */
  readonly source?: string;
  /** A note, when given. */
  readonly note?: string;
}

/** A compiled set of assumptions. Column `i` of a sample holds `assumptions[i]`. */
export interface Model {
  /** Assumptions in file order. */
  readonly assumptions: readonly CompiledAssumption[];
  /** Indices into `assumptions` in an order where every reference comes first. */
  readonly evaluationOrder: readonly number[];
}
