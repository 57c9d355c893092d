// Lowers a value's syntax tree to compiled nodes, checking units as it goes: money + power is an
// error, money × ratio is money, money / money is a plain number. Constant sub-trees are folded.

import type { BinaryOp, Expr } from "../expr/ast.js";
import { didYouMean } from "../scenario/suggest.js";
import {
  commonUnit,
  describeUnit,
  isDimensionless,
  PLAIN,
  type Unit,
  unitOfPower,
  unitOfProduct,
} from "../units/unit.js";
import { type OpCode, TIME_VARIABLES, type TimeVariable } from "./ir.js";
import { CHIP_FUNCTIONS, lowerChip } from "./lowerChip.js";
import { DISTRIBUTIONS, lowerDistribution } from "./lowerDistribution.js";
import { FUNCTIONS, lowerFunction } from "./lowerFunction.js";
import { lowerInterval } from "./lowerInterval.js";
import { isZero, type LowerContext, mismatch, op, report, type Typed } from "./lowering.js";

/**
 * Names that cannot be used for assumptions. The chip functions are not among them: `tdp` is a
 * fine name for an assumption (a reserve file has one), and `tdp(…)` is still the function.
 */
export const RESERVED = new Set([
  "to",
  "NaN",
  "Infinity",
  "nan",
  "inf",
  ...Object.keys(FUNCTIONS),
  ...Object.keys(DISTRIBUTIONS),
  ...TIME_VARIABLES,
]);

const BINARY: Readonly<Record<BinaryOp, OpCode>> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "^": "pow",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
  "==": "eq",
  "!=": "ne",
};

function lowerBinary(expr: Extract<Expr, { type: "binary" }>, ctx: LowerContext): Typed {
  const left = lowerExpr(expr.left, ctx);
  const right = lowerExpr(expr.right, ctx);
  if (left === null || right === null) return null;
  const code = BINARY[expr.op];
  let unit: Unit;
  switch (expr.op) {
    case "+":
    case "-": {
      const common = commonUnit(left.unit, isZero(left), right.unit, isZero(right));
      if (common === null) return mismatch(`"${expr.op}"`, left.unit, right.unit, expr.span, ctx);
      unit = common;
      break;
    }
    case "*":
      unit = unitOfProduct(left.unit, right.unit, 1);
      break;
    case "/":
      if (right.node.k === "const" && right.node.value === 0) {
        return report(
          ctx,
          "division-by-zero",
          "division by zero: the divisor is always 0",
          expr.right.span,
        );
      }
      unit = unitOfProduct(left.unit, right.unit, -1);
      break;
    case "^": {
      if (!isDimensionless(right.unit))
        return report(
          ctx,
          "unit-mismatch",
          `an exponent must be a plain number, not ${describeUnit(right.unit)}`,
          expr.right.span,
        );
      if (isDimensionless(left.unit)) {
        unit = PLAIN;
        break;
      }
      const powered = right.node.k === "const" ? unitOfPower(left.unit, right.node.value) : null;
      if (powered === null) {
        return report(
          ctx,
          "unit-mismatch",
          `${describeUnit(left.unit)} can only be raised to a fixed whole power`,
          expr.right.span,
        );
      }
      unit = powered;
      break;
    }
    default:
      if (commonUnit(left.unit, isZero(left), right.unit, isZero(right)) === null) {
        return mismatch(`"${expr.op}"`, left.unit, right.unit, expr.span, ctx);
      }
      unit = PLAIN;
  }
  return { node: op(code, [left.node, right.node], expr.span, ctx), unit };
}

function lowerCall(call: Extract<Expr, { type: "call" }>, ctx: LowerContext): Typed {
  if (call.name in FUNCTIONS) return lowerFunction(call, ctx, lowerExpr);
  if (call.name in CHIP_FUNCTIONS) return lowerChip(call, ctx);
  if (call.name in DISTRIBUTIONS) return lowerDistribution(call, ctx, lowerExpr);
  const known = [
    ...Object.keys(FUNCTIONS),
    ...Object.keys(CHIP_FUNCTIONS),
    ...Object.keys(DISTRIBUTIONS),
  ];
  return report(
    ctx,
    "unknown-function",
    `unknown function "${call.name}"${didYouMean(call.name, known)}; functions are ${known.join(", ")}`,
    call.nameSpan,
  );
}

/**
 * Lowers `expr`, reporting problems to `ctx.problems`. References must name assumptions already
 * compiled (the caller orders assumptions by dependency and reports unknown names and cycles).
 */
export function lowerExpr(expr: Expr, ctx: LowerContext): Typed {
  switch (expr.type) {
    case "literal":
      return { node: { k: "const", value: expr.value }, unit: expr.unit };
    case "ref": {
      if ((TIME_VARIABLES as readonly string[]).includes(expr.name)) {
        return { node: { k: "time", which: expr.name as TimeVariable }, unit: PLAIN };
      }
      const column = ctx.columns.get(expr.name);
      return column === undefined
        ? null
        : { node: { k: "column", index: column.index }, unit: column.unit };
    }
    case "neg": {
      const arg = lowerExpr(expr.arg, ctx);
      return arg === null ? null : { node: op("neg", [arg.node], expr.span, ctx), unit: arg.unit };
    }
    case "binary":
      return lowerBinary(expr, ctx);
    case "interval":
      return lowerInterval(expr, ctx, lowerExpr);
    case "call":
      return lowerCall(expr, ctx);
    case "list":
      return report(
        ctx,
        "unexpected-list",
        "a list [ … ] is only allowed as an argument of discrete(…) or mixture(…)",
        expr.span,
      );
    default:
      return expr satisfies never;
  }
}
