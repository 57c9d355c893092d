// The compile stage: parses every assumption's value, orders them by dependency and lowers each
// to a compiled node with a checked unit. Every problem of every assumption is reported.

import type { Expr } from "../expr/ast.js";
import { parseExpression } from "../expr/parser.js";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { quarterLabel } from "../scenario/quarter.js";
import type { AssumptionSource } from "../scenario/scenario.js";
import type { Unit } from "../units/unit.js";
import { collectReferences, dependencyOrder } from "./dependencyOrder.js";
import type { IrNode } from "./ir.js";
import { lowerExpr, RESERVED } from "./lowerExpr.js";
import type { LowerContext } from "./lowering.js";
import { lowerSchedule } from "./lowerSchedule.js";
import type { CompiledAssumption, Model } from "./model.js";

/** One parsed piece of a value: the whole value, or one step of a schedule. */
export interface ValuePart {
  /** The parsed expression. */
  readonly expr: Expr;
  /** File offset of its text. */
  readonly offset: number;
  /** For a schedule step, the quarter from which it holds. */
  readonly quarter?: number;
}

/** True when `node` reads the clock, directly or through an assumption that does. */
function dependsOnTime(node: IrNode, compiled: readonly (CompiledAssumption | null)[]): boolean {
  switch (node.k) {
    case "time":
      return true;
    case "column":
      return compiled[node.index]?.timeVarying === true;
    case "op":
      return node.args.some((arg) => dependsOnTime(arg, compiled));
    default:
      return false;
  }
}

/** Parses a value (or each step of a schedule); `null` after reporting a syntax problem. */
function parseParts(a: AssumptionSource, problems: Diagnostic[]): ValuePart[] | null {
  const pieces = a.schedule ?? [{ text: a.text, textStart: a.textStart }];
  const parts: ValuePart[] = [];
  for (const piece of pieces) {
    const result = parseExpression(piece.text);
    if (!result.ok) {
      const { span, message } = result.problem;
      problems.push({
        code: "syntax",
        message,
        start: piece.textStart + span.start,
        end: piece.textStart + span.end,
      });
      return null;
    }
    parts.push({
      expr: result.expr,
      offset: piece.textStart,
      ...("quarter" in piece ? { quarter: piece.quarter } : {}),
    });
  }
  return parts;
}

/**
 * Compiles assumptions as read from a scenario file into a model.
 *
 * @example compileAssumptions(loadScenario(text).assumptions)
 */
export function compileAssumptions(sources: readonly AssumptionSource[]): Result<Model> {
  const problems: Diagnostic[] = [];
  const parsed = sources.map((a) => {
    if (RESERVED.has(a.name)) {
      problems.push({
        code: "reserved-name",
        message: `"${a.name}" is a reserved word and cannot name an assumption`,
        start: a.nameStart,
        end: a.nameEnd,
      });
    }
    return parseParts(a, problems);
  });
  const refs = sources.map((a, i) => {
    const found = (parsed[i] ?? []).flatMap((part) =>
      collectReferences(part.expr).map((ref) => ({ ...ref, offset: part.offset })),
    );
    if (!a.formula && found.length > 0) {
      const first = found[0] as (typeof found)[number];
      problems.push({
        code: "reference-needs-formula",
        message: `"${first.name}" refers to another assumption; a value that does so is a formula and starts with "=" (write "= ${a.text.trim()}")`,
        start: first.offset + first.span.start,
        end: first.offset + first.span.end,
      });
    }
    return { name: a.name, offset: a.textStart, refs: a.formula ? found : [] };
  });
  const order = dependencyOrder(refs, problems);
  const columns = new Map<string, { index: number; unit: Unit }>();
  const compiled: (CompiledAssumption | null)[] = sources.map(() => null);
  for (const i of order) {
    const source = sources[i] as AssumptionSource;
    const parts = parsed[i];
    if (!parts) continue;
    const ctx = (offset: number): LowerContext => ({
      name: source.name,
      offset,
      formula: source.formula,
      columns,
      problems,
    });
    const typed = source.schedule
      ? lowerSchedule(parts, ctx)
      : lowerExpr((parts[0] as ValuePart).expr, ctx(source.textStart));
    if (typed === null) continue;
    columns.set(source.name, { index: i, unit: typed.unit });
    const kind =
      typed.node.k === "const" ? "fixed" : typed.node.k === "random" ? "uncertain" : "formula";
    compiled[i] = {
      name: source.name,
      unit: typed.unit,
      kind: source.schedule ? "schedule" : source.formula && kind !== "fixed" ? "formula" : kind,
      node: typed.node,
      timeVarying: dependsOnTime(typed.node, compiled),
      text: source.schedule
        ? `{${source.schedule.map((e) => `${quarterLabel(e.quarter)}: ${e.text.trim()}`).join(", ")}}`
        : source.text.trim(),
      ...(typed.node.k === "random" ? { distribution: typed.node.dist } : {}),
      ...(source.source === undefined ? {} : { source: source.source }),
      ...(source.note === undefined ? {} : { note: source.note }),
    };
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return {
    ok: true,
    value: { assumptions: compiled as CompiledAssumption[], evaluationOrder: order },
  };
}
