// Shared types of the lowering step (syntax tree → compiled nodes with units).

import type { Span } from "../expr/ast.js";
import type { Diagnostic } from "../scenario/diagnostic.js";
import { describeUnit, type Unit } from "../units/unit.js";
import { applyOp } from "./applyOp.js";
import type { IrNode, OpCode } from "./ir.js";

/** A compiled node and its unit; `null` when an error was already reported for it. */
export type Typed = { readonly node: IrNode; readonly unit: Unit } | null;

/** What lowering one assumption's value needs to know. */
export interface LowerContext {
  /** The assumption being lowered. */
  readonly name: string;
  /** Offset in the file of the value text's first character. */
  readonly offset: number;
  /** Whether references are allowed (the value is a formula). */
  readonly formula: boolean;
  /** Assumptions compiled so far: column index and unit. */
  readonly columns: ReadonlyMap<string, { readonly index: number; readonly unit: Unit }>;
  /** Where problems are collected. */
  readonly problems: Diagnostic[];
}

/** Records a problem at a span of the value text; returns `null` for convenient propagation. */
export function report(ctx: LowerContext, code: string, message: string, span: Span): null {
  ctx.problems.push({ code, message, start: ctx.offset + span.start, end: ctx.offset + span.end });
  return null;
}

/** True when the compiled node is the constant 0 (which fits any unit, see commonUnit). */
export function isZero(t: { readonly node: IrNode }): boolean {
  return t.node.k === "const" && t.node.value === 0;
}

/**
 * An operation node, folded to a constant when every argument is constant. A constant that is
 * not finite (1e200 * 1e200) is reported and replaced by 0 so that checking can go on.
 */
export function op(code: OpCode, args: readonly IrNode[], span: Span, ctx: LowerContext): IrNode {
  if (args.every((a) => a.k === "const")) {
    const [x = 0, y = 0, z = 0] = args.map((a) => (a as { value: number }).value);
    const value = applyOp(code, x, y, z);
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

/** Reports that `what` needs equal units on both sides; returns `null`. */
export function mismatch(what: string, a: Unit, b: Unit, span: Span, ctx: LowerContext): null {
  return report(
    ctx,
    "unit-mismatch",
    `${what} needs the same units on both sides: ${describeUnit(a)} and ${describeUnit(b)}`,
    span,
  );
}
