// The point run's values: every uncertain assumption at its median, formulas evaluated on them,
// and clock-dependent assumptions re-evaluated for each quarter.

import { quantile } from "../dist/index.js";
import { applyOp } from "../model/applyOp.js";
import type { IrNode } from "../model/ir.js";
import type { Model } from "../model/model.js";
import type { Clock } from "../sample/evaluateBlocks.js";

/** The value of `node` given the other assumptions' values and the clock. */
function evaluate(node: IrNode, values: Float64Array, clock: Clock): number {
  switch (node.k) {
    case "const":
      return node.value;
    case "column":
      return values[node.index] as number;
    case "time":
      return clock[node.which];
    case "random":
      return quantile(node.dist, 0.5);
    case "op":
      return applyOp(
        node.op,
        node.args.map((arg) => evaluate(arg, values, clock)),
      );
    default:
      return node satisfies never;
  }
}

/**
 * Fills `values` (one per assumption) for the quarter of `clock`: all assumptions when `all`,
 * else only those that read the clock.
 *
 * @example pointValues(model, values, clockAt(start, 0), true)
 */
export function pointValues(model: Model, values: Float64Array, clock: Clock, all: boolean): void {
  for (const i of model.evaluationOrder) {
    const a = model.assumptions[i];
    if (a && (all || a.timeVarying)) values[i] = evaluate(a.node, values, clock);
  }
}
