// The point run's values: every uncertain assumption at its median, formulas evaluated on them,
// and clock-dependent assumptions re-evaluated for each quarter.

import { quantile } from "../dist/index.js";
import { applyOp } from "../model/applyOp.js";
import type { IrNode } from "../model/ir.js";
import type { CompiledAssumption, Model } from "../model/model.js";
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
        evaluate(node.args[0] as IrNode, values, clock),
        node.args.length > 1 ? evaluate(node.args[1] as IrNode, values, clock) : 0,
        node.args.length > 2 ? evaluate(node.args[2] as IrNode, values, clock) : 0,
      );
    default:
      return node satisfies never;
  }
}

/**
 * Fills `values` (one per assumption) for the quarter of `clock`, evaluating the assumptions in
 * `order` (all of them in evaluation order at the start, then only those that read the clock).
 *
 * @example pointValues(model, values, clockAt(start, 0), model.evaluationOrder)
 */
export function pointValues(
  model: Model,
  values: Float64Array,
  clock: Clock,
  order: readonly number[],
): void {
  for (const i of order)
    values[i] = evaluate((model.assumptions[i] as CompiledAssumption).node, values, clock);
}

/** The assumptions that read the clock, in evaluation order. */
export function timeVaryingOrder(model: Model): number[] {
  return model.evaluationOrder.filter((i) => model.assumptions[i]?.timeVarying === true);
}
