// Lowers distribution calls and `A to B` intervals: checks their parameters (fixed values, units,
// ranges) and builds the Distribution they stand for.

import type { Distribution } from "../dist/distribution.js";
import type { Expr, Span } from "../expr/ast.js";
import { formatQuantity } from "../units/formatQuantity.js";
import {
  commonUnit,
  describeUnit,
  isDimensionless,
  PLAIN,
  sameDimensions,
  type Unit,
} from "../units/unit.js";
import { type LowerContext, report, type Typed } from "./lowering.js";

/** z such that 90% of a normal lies within mean ± z·sd: the 95th percentile of N(0, 1). */
export const Z90 = 1.6448536269514722;

/** Names of the distribution constructors and their parameter lists, for messages. */
export const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  normal: "normal(mean, sd)",
  lognormal: "lognormal(median, sigma)",
  uniform: "uniform(min, max)",
  triangular: "triangular(min, mode, max)",
  pert: "pert(min, mode, max)",
  beta: "beta(alpha, beta)",
  bernoulli: "bernoulli(p)",
  discrete: "discrete([values…], [weights…])",
  mixture: "mixture([distributions…], [weights…])",
  truncate: "truncate(distribution, min, max)",
};

/** Lowers a sub-expression of a distribution; supplied by lowerExpr to avoid an import cycle. */
export type LowerFn = (expr: Expr, ctx: LowerContext) => Typed;

interface Fixed {
  readonly value: number;
  readonly unit: Unit;
  readonly span: Span;
}

function random(dist: Distribution, unit: Unit, span: Span, ctx: LowerContext): Typed {
  const start = ctx.offset + span.start;
  return { node: { k: "random", dist, start, end: ctx.offset + span.end }, unit };
}

/** A parameter that must be a fixed number (no references, no randomness). */
function fixed(expr: Expr, ctx: LowerContext, lower: LowerFn, what: string): Fixed | null {
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
function distributionOf(
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
function sameUnits(params: readonly Fixed[], ctx: LowerContext, signature: string): Unit | null {
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

function dimensionless(p: Fixed, ctx: LowerContext, what: string): boolean {
  if (isDimensionless(p.unit)) return true;
  report(
    ctx,
    "unit-mismatch",
    `${what} must be a plain number, not ${describeUnit(p.unit)}`,
    p.span,
  );
  return false;
}

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

function arity(call: Extract<Expr, { type: "call" }>, n: number, ctx: LowerContext): boolean {
  if (call.args.length === n) return true;
  const sig = DISTRIBUTIONS[call.name] ?? call.name;
  report(
    ctx,
    "wrong-arity",
    `${sig} takes ${n} argument${n === 1 ? "" : "s"}, got ${call.args.length}`,
    call.span,
  );
  return false;
}

function positive(p: Fixed, ctx: LowerContext, what: string): boolean {
  if (p.value > 0) return true;
  report(
    ctx,
    "parameter-out-of-range",
    `${what} must be positive, got ${formatQuantity(p.value, p.unit)}`,
    p.span,
  );
  return false;
}

function ordered(
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
function weightsOf(
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

/** Lowers a call of a distribution constructor (a name in DISTRIBUTIONS). */
export function lowerDistribution(
  call: Extract<Expr, { type: "call" }>,
  ctx: LowerContext,
  lower: LowerFn,
): Typed {
  const sig = DISTRIBUTIONS[call.name] as string;
  const params = (n: number): Fixed[] | null => {
    if (!arity(call, n, ctx)) return null;
    const out = call.args.map((a, i) => fixed(a, ctx, lower, `parameter ${i + 1} of ${sig}`));
    return out.every((p) => p !== null) ? (out as Fixed[]) : null;
  };
  switch (call.name) {
    case "normal": {
      const ps = params(2);
      if (ps === null) return null;
      const unit = sameUnits(ps, ctx, sig);
      const [mean, sd] = ps as [Fixed, Fixed];
      if (unit === null || !positive(sd, ctx, "normal(mean, sd): sd")) return null;
      return random({ kind: "normal", mean: mean.value, sd: sd.value }, unit, call.span, ctx);
    }
    case "lognormal": {
      const ps = params(2);
      if (ps === null) return null;
      const [median, sigma] = ps as [Fixed, Fixed];
      if (!positive(median, ctx, "lognormal(median, sigma): median")) return null;
      if (!dimensionless(sigma, ctx, "lognormal(median, sigma): sigma (the sd of ln X)"))
        return null;
      if (!positive(sigma, ctx, "lognormal(median, sigma): sigma")) return null;
      return random(
        { kind: "lognormal", mu: Math.log(median.value), sigma: sigma.value },
        median.unit,
        call.span,
        ctx,
      );
    }
    case "uniform": {
      const ps = params(2);
      if (ps === null) return null;
      const unit = sameUnits(ps, ctx, sig);
      const [min, max] = ps as [Fixed, Fixed];
      if (unit === null) return null;
      if (!(min.value < max.value)) {
        return report(
          ctx,
          "parameter-out-of-range",
          `${sig} needs min < max, got ${formatQuantity(min.value, unit)} and ${formatQuantity(max.value, unit)}`,
          call.span,
        );
      }
      return random({ kind: "uniform", min: min.value, max: max.value }, unit, call.span, ctx);
    }
    case "triangular":
    case "pert": {
      const ps = params(3);
      if (ps === null) return null;
      const unit = sameUnits(ps, ctx, sig);
      if (unit === null || !ordered(ps, unit, sig, call.span, ctx)) return null;
      const [min, mode, max] = ps.map((p) => p.value) as [number, number, number];
      return random({ kind: call.name, min, mode, max }, unit, call.span, ctx);
    }
    case "beta": {
      const ps = params(2);
      if (ps === null) return null;
      const [a, b] = ps as [Fixed, Fixed];
      if (
        !dimensionless(a, ctx, "beta(alpha, beta): alpha") ||
        !dimensionless(b, ctx, "beta(alpha, beta): beta")
      )
        return null;
      if (
        !positive(a, ctx, "beta(alpha, beta): alpha") ||
        !positive(b, ctx, "beta(alpha, beta): beta")
      )
        return null;
      return random({ kind: "beta", alpha: a.value, beta: b.value }, PLAIN, call.span, ctx);
    }
    case "bernoulli": {
      const ps = params(1);
      if (ps === null) return null;
      const p = ps[0] as Fixed;
      if (!dimensionless(p, ctx, "bernoulli(p): p")) return null;
      if (!(p.value >= 0 && p.value <= 1)) {
        return report(
          ctx,
          "probability-out-of-range",
          `bernoulli(p): p is a probability between 0 and 1 (0% to 100%), got ${formatQuantity(p.value, p.unit)}`,
          p.span,
        );
      }
      return random({ kind: "bernoulli", p: p.value }, PLAIN, call.span, ctx);
    }
    case "discrete": {
      if (call.args.length < 1 || call.args.length > 2) return arity(call, 2, ctx) ? null : null;
      const list = call.args[0] as Expr;
      if (list.type !== "list" || list.items.length === 0) {
        return report(
          ctx,
          "expected-list",
          `${sig}: the values are a non-empty list such as [$1B, $2B]`,
          list.span,
        );
      }
      const values = list.items.map((item) => fixed(item, ctx, lower, "a value of discrete"));
      if (values.some((v) => v === null)) return null;
      const unit = sameUnits(values as Fixed[], ctx, sig);
      const weights = weightsOf(call.args[1], values.length, ctx, lower, sig, call.span);
      if (unit === null || weights === null) return null;
      return random(
        { kind: "discrete", values: (values as Fixed[]).map((v) => v.value), weights },
        unit,
        call.span,
        ctx,
      );
    }
    case "mixture": {
      if (call.args.length < 1 || call.args.length > 2) return arity(call, 2, ctx) ? null : null;
      const list = call.args[0] as Expr;
      if (list.type !== "list" || list.items.length === 0) {
        return report(
          ctx,
          "expected-list",
          `${sig}: the components are a non-empty list such as [normal(1, 0.1), 2 to 3]`,
          list.span,
        );
      }
      const parts = list.items.map((item) =>
        distributionOf(item, ctx, lower, "a component of mixture"),
      );
      if (parts.some((p) => p === null)) return null;
      const comps = parts as { dist: Distribution; unit: Unit }[];
      const first = comps[0] as { unit: Unit };
      const bad = comps.findIndex((c) => !sameDimensions(c.unit, first.unit));
      if (bad >= 0) {
        return report(
          ctx,
          "unit-mismatch",
          `${sig}: components must share one unit; this one is ${describeUnit((comps[bad] as { unit: Unit }).unit)}, the first is ${describeUnit(first.unit)}`,
          (list.items[bad] as Expr).span,
        );
      }
      const weights = weightsOf(call.args[1], comps.length, ctx, lower, sig, call.span);
      if (weights === null) return null;
      return random(
        { kind: "mixture", components: comps.map((c) => c.dist), weights },
        first.unit,
        call.span,
        ctx,
      );
    }
    case "truncate": {
      if (!arity(call, 3, ctx)) return null;
      const base = distributionOf(
        call.args[0] as Expr,
        ctx,
        lower,
        "the first argument of truncate",
      );
      const lo = fixed(call.args[1] as Expr, ctx, lower, "the lower bound of truncate");
      const hi = fixed(call.args[2] as Expr, ctx, lower, "the upper bound of truncate");
      if (base === null || lo === null || hi === null) return null;
      for (const bound of [lo, hi]) {
        if (commonUnit(bound.unit, bound.value === 0, base.unit, false) === null) {
          return report(
            ctx,
            "unit-mismatch",
            `truncate: the bound is ${describeUnit(bound.unit)} but the distribution is ${describeUnit(base.unit)}`,
            bound.span,
          );
        }
      }
      if (!(lo.value < hi.value)) {
        return report(
          ctx,
          "parameter-out-of-range",
          `${sig} needs min < max, got ${formatQuantity(lo.value, base.unit)} and ${formatQuantity(hi.value, base.unit)}`,
          call.span,
        );
      }
      return random(
        { kind: "truncated", base: base.dist, min: lo.value, max: hi.value },
        base.unit,
        call.span,
        ctx,
      );
    }
    default:
      return report(ctx, "unknown-function", `unknown distribution ${call.name}`, call.nameSpan);
  }
}
