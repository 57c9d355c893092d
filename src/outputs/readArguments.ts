// The special arguments of output functions: an entity's id, and a period (a calendar year or a
// quarter label) that must fall inside the scenario's horizon.

import type { Expr } from "../expr/ast.js";
import { QUARTER_PATTERN, quarterLabel } from "../scenario/quarter.js";
import { ID_PATTERN } from "../scenario/schemaSystem.js";
import { didYouMean } from "../scenario/suggest.js";
import { problem, type ResolveContext } from "./resolveContext.js";

/** 0-based quarters `from…to` of the run that a period covers. */
export interface Period {
  /** First quarter. */
  readonly from: number;
  /** Last quarter. */
  readonly to: number;
}

/**
 * The index of the entity named by `arg` (its text, so that ids with `-` such as `oracle-cloud`
 * need no quoting); `null` after reporting an unknown one.
 */
export function readEntity(arg: Expr, ctx: ResolveContext, signature: string): number | null {
  const id = ctx.text.slice(arg.span.start, arg.span.end).trim();
  const index = ctx.entities.indexOf(id);
  if (index >= 0) return index;
  if (!ID_PATTERN.test(id)) {
    return problem(
      ctx,
      "expected-entity",
      `expected an entity's id, such as ${ctx.entities[0] ?? "openai"}, in ${signature}`,
      arg.span,
    );
  }
  const known =
    ctx.entities.length > 0
      ? `; entities are ${ctx.entities.join(", ")}`
      : "; this scenario has no entities";
  return problem(
    ctx,
    "unknown-entity",
    `unknown entity "${id}"${didYouMean(id, ctx.entities)}${known}`,
    arg.span,
  );
}

function outside(ctx: ResolveContext, what: string, arg: Expr): null {
  const first = quarterLabel(ctx.start);
  const last = quarterLabel(ctx.start + ctx.quarters - 1);
  return problem(
    ctx,
    "outside-horizon",
    `${what} is outside the scenario's horizon, ${first} to ${last}`,
    arg.span,
  );
}

/**
 * The quarters of a period: a quarter label (that quarter) or a calendar year (its quarters
 * inside the horizon); `null` after reporting a period that is malformed or outside the horizon.
 * With `quartersOnly`, a year is refused.
 */
export function readPeriod(arg: Expr, ctx: ResolveContext, quartersOnly: boolean): Period | null {
  const raw = ctx.text.slice(arg.span.start, arg.span.end);
  if (arg.type === "literal" && QUARTER_PATTERN.test(raw)) {
    const q = arg.value - ctx.start;
    if (q < 0 || q >= ctx.quarters) return outside(ctx, raw, arg);
    return { from: q, to: q };
  }
  if (arg.type === "literal" && !quartersOnly && /^\d{4}$/.test(raw)) {
    const from = Math.max(arg.value * 4, ctx.start) - ctx.start;
    const to = Math.min(arg.value * 4 + 3, ctx.start + ctx.quarters - 1) - ctx.start;
    if (from > to) return outside(ctx, raw, arg);
    return { from, to };
  }
  const expected = quartersOnly
    ? "expected a quarter such as 2027Q4"
    : "expected a year such as 2029 or a quarter such as 2027Q4";
  return problem(ctx, "expected-period", `${expected}, found "${raw.trim()}"`, arg.span);
}
