// The compiled model: every assumption with its unit and compiled value (stocks with their
// flow), and the order in which to evaluate them.

import type { Distribution } from "../dist/distribution.js";
import type { Unit } from "../units/unit.js";
import type { IrNode } from "./ir.js";

/** How an assumption gets its value. */
export type AssumptionKind = "fixed" | "uncertain" | "formula" | "schedule" | "stock";

/** What every compiled assumption has. */
interface AssumptionBase {
  /** Its name. */
  readonly name: string;
  /** Its unit. */
  readonly unit: Unit;
  /** The compiled value (for a stock: its start value, its value in the first quarter). */
  readonly node: IrNode;
  /** True when the value depends on the clock (t, now, year), directly or through references. */
  readonly timeVarying: boolean;
  /** The value as written (without the leading `=` of a formula). */
  readonly text: string;
  /** The distribution, when the whole value is one. */
  readonly distribution?: Distribution;
  /**
   * The key of its random draws when not its name: an assumption that a stress shock wraps keeps
   * its draws under a new name, so that the baseline and the shocked run share every number.
   */
  readonly key?: string;
  /** Where the figure comes from, when given. */
  readonly source?: string;
  /** A note, when given. */
  readonly note?: string;
}

/**
 * A compiled assumption: fixed (a constant), uncertain (a single distribution), a formula, a step
 * schedule, or a stock. A stock's value in quarter 0 is its start value (`node`); in quarter
 * t + 1 it is its value in quarter t plus its flow (column `flow`, the assumption
 * `<name>.flow`) evaluated in quarter t. So a stock shows its value at the start of a quarter,
 * before that quarter's flow; its flow may read it and other stocks without forming a cycle.
 */
export type CompiledAssumption = AssumptionBase &
  (
    | { readonly kind: Exclude<AssumptionKind, "stock"> }
    | {
        readonly kind: "stock";
        /** Column of the stock's flow, which comes after the stock in the evaluation order. */
        readonly flow: number;
      }
  );

/** A compiled set of assumptions. Column `i` of a sample holds `assumptions[i]`. */
export interface Model {
  /** Assumptions in file order. */
  readonly assumptions: readonly CompiledAssumption[];
  /** Indices into `assumptions` in an order where every reference comes first. */
  readonly evaluationOrder: readonly number[];
}
