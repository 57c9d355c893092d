// Lowers `A to B`: a 90% interval, lognormal when both ends are positive, normal otherwise.

import type { Expr } from "../expr/ast.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { fixed, type LowerFn, random, sameUnits } from "./distributionParameters.js";
import { type LowerContext, report, type Typed } from "./lowering.js";

/** z such that 90% of a normal lies within mean ± z·sd: the 95th percentile of N(0, 1). */
export const Z90 = 1.6448536269514722;

/** `lo to hi`: a 90% interval, lognormal when both ends are positive, normal otherwise. */
export function lowerInterval(
  expr: Extract<Expr, { type: "interval" }>,
  ctx: LowerContext,
  lower: LowerFn,
): Typed {
  const lo = fixed(expr.lo, ctx, lower, "the lower end of A to B");
  const hi = fixed(expr.hi, ctx, lower, "the upper end of A to B");
  if (lo === null || hi === null) return null;
  const unit = sameUnits([lo, hi], ctx, "A to B");
  if (unit === null) return null;
  if (lo.value > hi.value) {
    return report(
      ctx,
      "interval-reversed",
      `A to B needs A ≤ B, but ${formatQuantity(lo.value, unit)} > ${formatQuantity(hi.value, unit)}`,
      expr.span,
    );
  }
  if (lo.value === hi.value) return { node: { k: "const", value: lo.value }, unit };
  if (lo.value > 0) {
    const mu = (Math.log(lo.value) + Math.log(hi.value)) / 2;
    const sigma = (Math.log(hi.value) - Math.log(lo.value)) / (2 * Z90);
    return random({ kind: "lognormal", mu, sigma }, unit, expr.span, ctx);
  }
  const mean = (lo.value + hi.value) / 2;
  const sd = (hi.value - lo.value) / (2 * Z90);
  return random({ kind: "normal", mean, sd }, unit, expr.span, ctx);
}
