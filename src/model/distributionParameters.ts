// The parameters of distribution calls: each must be a fixed value with the right unit and range.
// Shared by lowerDistribution and lowerInterval.

import type { Distribution } from "../dist/distribution.js";
import type { Expr, Span } from "../expr/ast.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { commonUnit, describeUnit, isDimensionless, type Unit } from "../units/unit.js";
import { type LowerContext, report, type Typed } from "./lowering.js";

/** Lowers a sub-expression of a distribution; supplied by lowerExpr to avoid an import cycle. */
export type LowerFn = (expr: Expr, ctx: LowerContext) => Typed;

/** A fixed parameter: its value, unit and where it is. */
export interface Fixed {
  readonly value: number;
  readonly unit: Unit;
  readonly span: Span;
}

export function random(dist: Distribution, unit: Unit, span: Span, ctx: LowerContext): Typed {
  const start = ctx.offset + span.start;
  return { node: { k: "random", dist, start, end: ctx.offset + span.end }, unit };
}

/** A parameter that must be a fixed number (no references, no randomness). */
export function fixed(expr: Expr, ctx: LowerContext, lower: LowerFn, what: string): Fixed | null {
  const typed = lower(expr, ctx);
  if (typed === null) return null;
  if (typed.node.k !== "const") {
    return report(
      ctx,
      "parameter-not-fixed",
      `${what} must be a fixed value, not one that varies from sample to sample`,
      expr.span,
    );
  }
  return { value: typed.node.value, unit: typed.unit, span: expr.span };
}

/** The distribution an expression stands for (for mixture components and truncate). */
export function distributionOf(
  expr: Expr,
  ctx: LowerContext,
  lower: LowerFn,
  what: string,
): { dist: Distribution; unit: Unit } | null {
  const typed = lower(expr, ctx);
  if (typed === null) return null;
  if (typed.node.k === "random") return { dist: typed.node.dist, unit: typed.unit };
  if (typed.node.k === "const")
    return { dist: { kind: "constant", value: typed.node.value }, unit: typed.unit };
  return report(
    ctx,
    "not-a-distribution",
    `${what} must be a distribution such as normal(…) or 2 to 4, with fixed parameters`,
    expr.span,
  );
}

/** The unit the parameters share (a plain 0 fits any unit), or `null` after reporting. */
export function sameUnits(
  params: readonly Fixed[],
  ctx: LowerContext,
  signature: string,
): Unit | null {
  let acc = params[0] as Fixed;
  for (const p of params.slice(1)) {
    const unit = commonUnit(acc.unit, acc.value === 0, p.unit, p.value === 0);
    if (unit === null) {
      return report(
        ctx,
        "unit-mismatch",
        `${signature}: parameters must share one unit; this one is ${describeUnit(p.unit)}, the one before is ${describeUnit(acc.unit)}`,
        p.span,
      );
    }
    acc = { ...(acc.value === 0 ? p : acc), unit };
  }
  return acc.unit;
}

export function dimensionless(p: Fixed, ctx: LowerContext, what: string): boolean {
  if (isDimensionless(p.unit)) return true;
  report(
    ctx,
    "unit-mismatch",
    `${what} must be a plain number, not ${describeUnit(p.unit)}`,
    p.span,
  );
  return false;
}

export function arity(
  call: Extract<Expr, { type: "call" }>,
  n: number,
  sig: string,
  ctx: LowerContext,
): boolean {
  if (call.args.length === n) return true;
  report(
    ctx,
    "wrong-arity",
    `${sig} takes ${n} argument${n === 1 ? "" : "s"}, got ${call.args.length}`,
    call.span,
  );
  return false;
}

export function positive(p: Fixed, ctx: LowerContext, what: string): boolean {
  if (p.value > 0) return true;
  report(
    ctx,
    "parameter-out-of-range",
    `${what} must be positive, got ${formatQuantity(p.value, p.unit)}`,
    p.span,
  );
  return false;
}

export function ordered(
  ps: readonly Fixed[],
  unit: Unit,
  sig: string,
  span: Span,
  ctx: LowerContext,
): boolean {
  const [min, mode, max] = ps as [Fixed, Fixed, Fixed];
  if (min.value < max.value && min.value <= mode.value && mode.value <= max.value) return true;
  const f = (x: number) => formatQuantity(x, unit);
  report(
    ctx,
    "parameter-out-of-range",
    `${sig} needs min ≤ mode ≤ max and min < max, got ${f(min.value)}, ${f(mode.value)}, ${f(max.value)}`,
    span,
  );
  return false;
}

/** Weights: a list of fixed non-negative plain numbers summing to 1. */
export function weightsOf(
  expr: Expr | undefined,
  count: number,
  ctx: LowerContext,
  lower: LowerFn,
  sig: string,
  span: Span,
): number[] | null {
  if (expr === undefined) return Array.from({ length: count }, () => 1 / count);
  if (expr.type !== "list")
    return report(ctx, "expected-list", `${sig}: weights are a list such as [0.3, 0.7]`, expr.span);
  if (expr.items.length !== count) {
    return report(
      ctx,
      "wrong-arity",
      `${sig}: ${count} item${count === 1 ? "" : "s"} but ${expr.items.length} weight${expr.items.length === 1 ? "" : "s"}`,
      expr.span,
    );
  }
  const weights: number[] = [];
  for (const item of expr.items) {
    const w = fixed(item, ctx, lower, "a weight");
    if (w === null || !dimensionless(w, ctx, "a weight")) return null;
    if (w.value < 0 || w.value > 1)
      return report(
        ctx,
        "probability-out-of-range",
        `a weight is a probability between 0 and 1, got ${formatQuantity(w.value, w.unit)}`,
        item.span,
      );
    weights.push(w.value);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-9)
    return report(
      ctx,
      "weights-sum",
      `${sig}: weights must add up to 1, they add up to ${total}`,
      span,
    );
  return weights;
}

/**
 * The items of a call's first argument, which must be a non-empty list, with an optional second
 * argument (weights); `null` after reporting.
 */
export function listArgument(
  call: Extract<Expr, { type: "call" }>,
  sig: string,
  expected: string,
  ctx: LowerContext,
): readonly Expr[] | null {
  if (call.args.length < 1 || call.args.length > 2) {
    arity(call, 2, sig, ctx);
    return null;
  }
  const list = call.args[0] as Expr;
  if (list.type !== "list" || list.items.length === 0) {
    return report(ctx, "expected-list", `${sig}: ${expected}`, list.span);
  }
  return list.items;
}
