// Resolves what an output formula reads: each series, default, firstQuarter, at() or assumption
// becomes a leaf, standing in the formula as a column `#k`, so that the model's lowering checks
// the units of the rest. and/or/not become comparisons and min/max.

import type { Expr, Span } from "../expr/ast.js";
import { TIME_VARIABLES } from "../model/ir.js";
import { DISTRIBUTIONS } from "../model/lowerDistribution.js";
import { FUNCTIONS } from "../model/lowerFunction.js";
import { didYouMean } from "../scenario/suggest.js";
import { SERIES, STOCK_SERIES } from "../sim/result.js";
import { PLAIN } from "../units/unit.js";
import { isMetric, METRIC_UNITS } from "./metrics.js";
import { CURRENT } from "./outputsPlan.js";
import { readEntity, readPeriod } from "./readArguments.js";
import { assumptionRef, seriesRef } from "./recording.js";
import { addLeaf, place, problem, type ResolveContext } from "./resolveContext.js";

/** Functions of output formulas beside the series and the math functions, with signatures. */
export const OUTPUT_FUNCTIONS: Readonly<Record<string, string>> = {
  defaulted: "defaulted(entity)",
  defaultQuarter: "defaultQuarter(entity)",
  firstQuarter: "firstQuarter(condition)",
  at: "at(assumption, quarter)",
  and: "and(a, b, …)",
  or: "or(a, b, …)",
  not: "not(a)",
};

const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  defaulted: [1, 1],
  defaultQuarter: [1, 1],
  firstQuarter: [1, 1],
  at: [2, 2],
  and: [2, Number.POSITIVE_INFINITY],
  or: [2, Number.POSITIVE_INFINITY],
  not: [1, 1],
};

type Call = Extract<Expr, { type: "call" }>;

function arityProblem(ctx: ResolveContext, call: Call, sig: string, lo: number, hi: number) {
  const n = call.args.length;
  if (n >= lo && n <= hi) return false;
  const range =
    hi === lo ? `${lo}` : hi === Number.POSITIVE_INFINITY ? `at least ${lo}` : `${lo} or ${hi}`;
  const s = hi === 1 ? "" : "s";
  problem(ctx, "wrong-arity", `${sig} takes ${range} argument${s}, got ${n}`, call.span);
  return true;
}

function unknownName(ctx: ResolveContext, name: string, span: Span): null {
  if (isMetric(name))
    return problem(
      ctx,
      "series-without-entity",
      `"${name}" is a series: write ${name}(entity) or ${name}(entity, 2029)`,
      span,
    );
  if (ctx.outputs.has(name))
    return problem(
      ctx,
      "output-reference",
      `"${name}" is an output; a formula may read assumptions and the run's results, not other outputs`,
      span,
    );
  if (ctx.entities.includes(name))
    return problem(
      ctx,
      "entity-reference",
      `"${name}" is an entity: read its results with a series, such as cash(${name})`,
      span,
    );
  const hint = didYouMean(name, ctx.assumptions.keys());
  return problem(
    ctx,
    "unknown-reference",
    `unknown name "${name}"${hint}: it is not an assumption of this scenario`,
    span,
  );
}

function randomProblem(ctx: ResolveContext, span: Span): null {
  return problem(
    ctx,
    "random-in-output",
    "an output is computed from the run's results and draws nothing: put uncertain values in an assumption and read it by name",
    span,
  );
}

/** `name(entity)` or `name(entity, period)` of a series. */
function resolveSeries(call: Call, ctx: ResolveContext, perQuarter: boolean): Expr | null {
  const metric = call.name as keyof typeof METRIC_UNITS;
  const sig = `${metric}(entity, period)`;
  if (arityProblem(ctx, call, sig, 1, 2)) return null;
  const [entityArg, periodArg] = call.args as [Expr, Expr | undefined];
  const entity = readEntity(entityArg, ctx, sig);
  const period = periodArg === undefined ? null : readPeriod(periodArg, ctx, false);
  if (entity === null || (periodArg !== undefined && period === null)) return null;
  const whole = perQuarter ? { from: CURRENT, to: CURRENT } : { from: 0, to: ctx.quarters - 1 };
  const { from, to } = period ?? whole;
  const ref = seriesRef(ctx.recording, entity, metric);
  const sum = !STOCK_SERIES.has(metric);
  const leaf = { k: "series", ref, from, to, sum, ...place(ctx, call.span) } as const;
  return addLeaf(ctx, leaf, METRIC_UNITS[metric], call.span);
}

/** `at(assumption, quarter)`. */
function resolveAt(call: Call, ctx: ResolveContext): Expr | null {
  const [nameArg, quarterArg] = call.args as [Expr, Expr];
  const period = readPeriod(quarterArg, ctx, true);
  if (nameArg.type !== "ref") {
    return problem(
      ctx,
      "expected-assumption",
      "expected an assumption's name in at(assumption, quarter)",
      nameArg.span,
    );
  }
  const column = ctx.assumptions.get(nameArg.name);
  if (column === undefined) return unknownName(ctx, nameArg.name, nameArg.span);
  if (period === null) return null;
  const ref = assumptionRef(ctx.recording, column.index);
  const leaf = { k: "assumption", ref, quarter: period.to, ...place(ctx, call.span) } as const;
  return addLeaf(ctx, leaf, column.unit, call.span);
}

/** and/or/not as comparisons with 0 combined by min/max, so that units need no check. */
function resolveLogic(call: Call, args: readonly Expr[]): Expr {
  const zero = (span: Span): Expr => ({ type: "literal", value: 0, unit: PLAIN, span });
  if (call.name === "not") {
    const [arg] = args as [Expr];
    return { type: "binary", op: "==", left: arg, right: zero(arg.span), span: call.span };
  }
  const truth = args.map(
    (a): Expr => ({ type: "binary", op: "!=", left: a, right: zero(a.span), span: a.span }),
  );
  return { ...call, name: call.name === "and" ? "min" : "max", args: truth };
}

function resolveCall(call: Call, ctx: ResolveContext, perQuarter: boolean): Expr | null {
  const { name } = call;
  if (isMetric(name)) return resolveSeries(call, ctx, perQuarter);
  if (name in DISTRIBUTIONS) return randomProblem(ctx, call.span);
  const sig = OUTPUT_FUNCTIONS[name];
  if (sig === undefined && !(name in FUNCTIONS)) {
    const known = [...SERIES, ...Object.keys(OUTPUT_FUNCTIONS), ...Object.keys(FUNCTIONS)];
    return problem(
      ctx,
      "unknown-function",
      `unknown function "${name}"${didYouMean(name, known)}; outputs may use the series ${SERIES.join(", ")} as series(entity, period), and ${[...Object.keys(OUTPUT_FUNCTIONS), ...Object.keys(FUNCTIONS)].join(", ")}`,
      call.nameSpan,
    );
  }
  if (sig !== undefined) {
    const [lo, hi] = ARITY[name] as readonly [number, number];
    if (arityProblem(ctx, call, sig, lo, hi)) return null;
  }
  switch (name) {
    case "defaulted":
    case "defaultQuarter": {
      const entity = readEntity(call.args[0] as Expr, ctx, sig as string);
      if (entity === null) return null;
      ctx.recording.defaults = true;
      return addLeaf(ctx, { k: name, entity }, PLAIN, call.span);
    }
    case "at":
      return resolveAt(call, ctx);
    case "firstQuarter": {
      const body = resolveOutput(call.args[0] as Expr, ctx, true);
      if (body === null) return null;
      return addLeaf(ctx, { k: "first", body, ...place(ctx, call.span) }, PLAIN, call.span);
    }
    default: {
      const args = call.args.map((a) => resolveOutput(a, ctx, perQuarter));
      if (args.some((a) => a === null)) return null;
      const resolved = args as Expr[];
      return sig === undefined ? { ...call, args: resolved } : resolveLogic(call, resolved);
    }
  }
}

/**
 * The formula with every value it reads replaced by a leaf (see ResolveContext); `null` after
 * reporting problems. `perQuarter` is true inside `firstQuarter(…)`, where a series without a
 * period reads the quarter being tested instead of the whole run.
 */
export function resolveOutput(expr: Expr, ctx: ResolveContext, perQuarter: boolean): Expr | null {
  switch (expr.type) {
    case "literal":
    case "list":
      return expr;
    case "ref": {
      if ((TIME_VARIABLES as readonly string[]).includes(expr.name)) return expr;
      const column = ctx.assumptions.get(expr.name);
      if (column === undefined) return unknownName(ctx, expr.name, expr.span);
      const ref = assumptionRef(ctx.recording, column.index);
      const leaf = { k: "assumption", ref, quarter: CURRENT, ...place(ctx, expr.span) } as const;
      return addLeaf(ctx, leaf, column.unit, expr.span);
    }
    case "neg": {
      const arg = resolveOutput(expr.arg, ctx, perQuarter);
      return arg === null ? null : { ...expr, arg };
    }
    case "binary": {
      const left = resolveOutput(expr.left, ctx, perQuarter);
      const right = resolveOutput(expr.right, ctx, perQuarter);
      return left === null || right === null ? null : { ...expr, left, right };
    }
    case "interval":
      return randomProblem(ctx, expr.span);
    case "call":
      return resolveCall(expr, ctx, perQuarter);
    default:
      return expr satisfies never;
  }
}
