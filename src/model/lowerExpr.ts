// Lowers a value's syntax tree to compiled nodes, checking units as it goes: money + power is an
// error, money × ratio is money, money / money is a plain number. Constant sub-trees are folded.

import type { BinaryOp, Expr, Span } from "../expr/ast.js";
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
import { applyOp } from "./applyOp.js";
import type { IrNode, OpCode } from "./ir.js";
import { DISTRIBUTIONS, lowerDistribution, lowerInterval } from "./lowerDistribution.js";
import { isZero, type LowerContext, report, type Typed } from "./lowering.js";

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

/** Names that cannot be used for assumptions. */
export const RESERVED = new Set([
  "to",
  "NaN",
  "Infinity",
  "nan",
  "inf",
  ...Object.keys(FUNCTIONS),
  ...Object.keys(DISTRIBUTIONS),
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

/**
 * An operation node, folded to a constant when every argument is constant. A constant that is
 * not finite (1e200 * 1e200) is reported and replaced by 0 so that checking can go on.
 */
function op(code: OpCode, args: readonly IrNode[], span: Span, ctx: LowerContext): IrNode {
  if (args.every((a) => a.k === "const")) {
    const value = applyOp(
      code,
      args.map((a) => (a as { value: number }).value),
    );
    if (Number.isFinite(value)) return { k: "const", value };
    report(
      ctx,
      "not-finite",
      "this evaluates to a number that is not finite (overflow or NaN)",
      span,
    );
    return { k: "const", value: 0 };
  }
  return { k: "op", op: code, args, start: ctx.offset + span.start, end: ctx.offset + span.end };
}

function mismatch(what: string, a: Unit, b: Unit, span: Span, ctx: LowerContext): null {
  return report(
    ctx,
    "unit-mismatch",
    `${what} needs the same units on both sides: ${describeUnit(a)} and ${describeUnit(b)}`,
    span,
  );
}

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

function lowerFunction(call: Extract<Expr, { type: "call" }>, ctx: LowerContext): Typed {
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

function lowerCall(call: Extract<Expr, { type: "call" }>, ctx: LowerContext): Typed {
  if (call.name in FUNCTIONS) return lowerFunction(call, ctx);
  if (call.name in DISTRIBUTIONS) return lowerDistribution(call, ctx, lowerExpr);
  const known = [...Object.keys(FUNCTIONS), ...Object.keys(DISTRIBUTIONS)];
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
