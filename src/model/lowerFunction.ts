// Lowers calls of the math functions (min, max, abs, exp, log, sqrt, clamp, if), checking the
// units of their arguments.

import type { Expr } from "../expr/ast.js";
import {
  commonUnit,
  describeUnit,
  isDimensionless,
  PLAIN,
  type Unit,
  unitOfPower,
} from "../units/unit.js";
import type { LowerFn } from "./distributionParameters.js";
import type { IrNode, OpCode } from "./ir.js";
import { isZero, type LowerContext, mismatch, op, report, type Typed } from "./lowering.js";

/** Math functions and their signatures, for messages. */
export const FUNCTIONS: Readonly<Record<string, string>> = {
  min: "min(a, b, …)",
  max: "max(a, b, …)",
  abs: "abs(x)",
  exp: "exp(x)",
  log: "log(x)",
  sqrt: "sqrt(x)",
  clamp: "clamp(x, lo, hi)",
  if: "if(condition, then, else)",
};

/** Lowers a call of a function in FUNCTIONS. */
export function lowerFunction(
  call: Extract<Expr, { type: "call" }>,
  ctx: LowerContext,
  lowerExpr: LowerFn,
): Typed {
  const sig = FUNCTIONS[call.name] as string;
  const expected =
    { min: -2, max: -2, abs: 1, exp: 1, log: 1, sqrt: 1, clamp: 3, if: 3 }[call.name] ?? 1;
  const count = call.args.length;
  if (expected > 0 ? count !== expected : count < -expected) {
    const n = Math.abs(expected);
    return report(
      ctx,
      "wrong-arity",
      `${sig} takes ${expected > 0 ? "" : "at least "}${n} argument${n === 1 ? "" : "s"}, got ${count}`,
      call.span,
    );
  }
  const args = call.args.map((a) => lowerExpr(a, ctx));
  if (args.some((a) => a === null)) return null;
  const typed = args as { node: IrNode; unit: Unit }[];
  const first = typed[0] as { node: IrNode; unit: Unit };
  const same = (items: readonly { node: IrNode; unit: Unit }[], from: number): Unit | null => {
    let acc = items[from] as { node: IrNode; unit: Unit };
    for (let i = from + 1; i < items.length; i++) {
      const item = items[i] as { node: IrNode; unit: Unit };
      const unit = commonUnit(acc.unit, isZero(acc), item.unit, isZero(item));
      if (unit === null)
        return mismatch(sig, acc.unit, item.unit, (call.args[i] as Expr).span, ctx);
      acc = { node: isZero(acc) ? item.node : acc.node, unit };
    }
    return acc.unit;
  };
  switch (call.name) {
    case "min":
    case "max": {
      const unit = same(typed, 0);
      if (unit === null) return null;
      const node = typed
        .slice(1)
        .reduce<IrNode>(
          (acc, t) => op(call.name as OpCode, [acc, t.node], call.span, ctx),
          first.node,
        );
      return { node, unit };
    }
    case "abs":
      return { node: op("abs", [first.node], call.span, ctx), unit: first.unit };
    case "exp":
    case "log":
      if (!isDimensionless(first.unit))
        return report(
          ctx,
          "unit-mismatch",
          `${sig} needs a plain number, not ${describeUnit(first.unit)}`,
          (call.args[0] as Expr).span,
        );
      if (call.name === "log" && first.node.k === "const" && !(first.node.value > 0)) {
        return report(
          ctx,
          "domain",
          `log(x) needs x > 0, got ${first.node.value}`,
          (call.args[0] as Expr).span,
        );
      }
      return { node: op(call.name, [first.node], call.span, ctx), unit: PLAIN };
    case "sqrt": {
      const unit = unitOfPower(first.unit, 0.5);
      if (unit === null)
        return report(
          ctx,
          "unit-mismatch",
          `the square root of ${describeUnit(first.unit)} has no unit perpetuum knows`,
          call.span,
        );
      if (first.node.k === "const" && first.node.value < 0)
        return report(
          ctx,
          "domain",
          `sqrt(x) needs x ≥ 0, got ${first.node.value}`,
          (call.args[0] as Expr).span,
        );
      return { node: op("sqrt", [first.node], call.span, ctx), unit };
    }
    case "clamp": {
      const unit = same(typed, 0);
      if (unit === null) return null;
      return {
        node: op(
          "clamp",
          typed.map((t) => t.node),
          call.span,
          ctx,
        ),
        unit,
      };
    }
    case "if": {
      const unit = same(typed, 1);
      if (unit === null) return null;
      return {
        node: op(
          "if",
          typed.map((t) => t.node),
          call.span,
          ctx,
        ),
        unit,
      };
    }
    default:
      return report(ctx, "unknown-function", `unknown function ${call.name}`, call.nameSpan);
  }
}
