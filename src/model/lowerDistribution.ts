// Lowers distribution calls (normal, lognormal, …, truncate): checks their parameters (fixed
// values, units, ranges) and builds the Distribution they stand for.

import type { Distribution } from "../dist/distribution.js";
import { cdf, cdfBelow } from "../dist/index.js";
import type { Expr } from "../expr/ast.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { commonUnit, describeUnit, PLAIN, sameDimensions, type Unit } from "../units/unit.js";
import {
  arity,
  dimensionless,
  distributionOf,
  type Fixed,
  fixed,
  type LowerFn,
  listArgument,
  ordered,
  positive,
  random,
  sameUnits,
  weightsOf,
} from "./distributionParameters.js";
import { type LowerContext, report, type Typed } from "./lowering.js";

/** Smallest probability a truncation interval may have (below it, draws would be unreliable). */
export const MIN_TRUNCATED_MASS = 1e-9;

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

/** Lowers a call of a distribution constructor (a name in DISTRIBUTIONS). */
export function lowerDistribution(
  call: Extract<Expr, { type: "call" }>,
  ctx: LowerContext,
  lower: LowerFn,
): Typed {
  const sig = DISTRIBUTIONS[call.name] as string;
  const params = (n: number): Fixed[] | null => {
    if (!arity(call, n, sig, ctx)) return null;
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
      const items = listArgument(
        call,
        sig,
        "the values are a non-empty list such as [$1B, $2B]",
        ctx,
      );
      if (items === null) return null;
      const values = items.map((item) => fixed(item, ctx, lower, "a value of discrete"));
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
      const items = listArgument(
        call,
        sig,
        "the components are a non-empty list such as [normal(1, 0.1), 2 to 3]",
        ctx,
      );
      if (items === null) return null;
      const parts = items.map((item) => distributionOf(item, ctx, lower, "a component of mixture"));
      if (parts.some((p) => p === null)) return null;
      const comps = parts as { dist: Distribution; unit: Unit }[];
      const first = comps[0] as { unit: Unit };
      const bad = comps.findIndex((c) => !sameDimensions(c.unit, first.unit));
      if (bad >= 0) {
        return report(
          ctx,
          "unit-mismatch",
          `${sig}: components must share one unit; this one is ${describeUnit((comps[bad] as { unit: Unit }).unit)}, the first is ${describeUnit(first.unit)}`,
          (items[bad] as Expr).span,
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
      if (!arity(call, 3, sig, ctx)) return null;
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
      if (!(cdf(base.dist, hi.value) - cdfBelow(base.dist, lo.value) > MIN_TRUNCATED_MASS)) {
        const f = (x: number) => formatQuantity(x, base.unit);
        return report(
          ctx,
          "parameter-out-of-range",
          `truncate: the distribution has (almost) no probability between ${f(lo.value)} and ${f(hi.value)}`,
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
