// The point run's values: every uncertain assumption at its median, formulas evaluated on them,
// and clock-dependent assumptions (stocks among them) re-evaluated for each quarter.

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
 * Quarters must come in order 0, 1, 2, … (quarter 0 may come more than once): a stock is its
 * start value in quarter 0, and in quarter t > 0 its value in quarter t − 1 plus its flow as
 * evaluated then (still in `values`, since the flow comes after its stock in the order).
 *
 * @example pointValues(model, values, clockAt(start, 0), model.evaluationOrder)
 */
export function pointValues(
  model: Model,
  values: Float64Array,
  clock: Clock,
  order: readonly number[],
): void {
  for (const i of order) {
    const a = model.assumptions[i] as CompiledAssumption;
    values[i] =
      a.kind === "stock" && clock.t > 0
        ? (values[i] as number) + (values[a.flow] as number)
        : evaluate(a.node, values, clock);
  }
}

/**
 * The values of the point run's first quarter (clock `clock`): every assumption at its median, or
 * at its value in `overrides` (by model column), with the formulas downstream evaluated on them.
 *
 * @example startValues(model, clockAt(start, 0), new Map([[3, 0.5]]))
 */
export function startValues(
  model: Model,
  clock: Clock,
  overrides: ReadonlyMap<number, number>,
): Float64Array {
  const values = new Float64Array(model.assumptions.length);
  pointValues(model, values, clock, model.evaluationOrder);
  if (overrides.size === 0) return values;
  for (const [i, value] of overrides) values[i] = value;
  const rest = model.evaluationOrder.filter((i) => !overrides.has(i));
  pointValues(model, values, clock, rest);
  return values;
}

/** The assumptions that read the clock (stocks and what reads them included), in evaluation order. */
export function timeVaryingOrder(model: Model): number[] {
  return model.evaluationOrder.filter((i) => model.assumptions[i]?.timeVarying === true);
}
