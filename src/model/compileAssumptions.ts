// The compile stage: parses every assumption's value, orders them by dependency and lowers each
// to a compiled node with a checked unit. Every problem of every assumption is reported.

import type { Expr } from "../expr/ast.js";
import { parseExpression } from "../expr/parser.js";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import type { AssumptionSource } from "../scenario/scenario.js";
import type { Unit } from "../units/unit.js";
import { collectReferences, dependencyOrder } from "./dependencyOrder.js";
import type { IrNode } from "./ir.js";
import { lowerExpr, RESERVED } from "./lowerExpr.js";
import type { CompiledAssumption, Model } from "./model.js";

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

/**
 * Compiles assumptions as read from a scenario file into a model.
 *
 * @example compileAssumptions(loadScenario(text).assumptions)
 */
export function compileAssumptions(sources: readonly AssumptionSource[]): Result<Model> {
  const problems: Diagnostic[] = [];
  const parsed: (Expr | null)[] = sources.map((a) => {
    if (RESERVED.has(a.name)) {
      problems.push({
        code: "reserved-name",
        message: `"${a.name}" is a reserved word and cannot name an assumption`,
        start: a.nameStart,
        end: a.nameEnd,
      });
    }
    const result = parseExpression(a.text);
    if (!result.ok) {
      const { span, message } = result.problem;
      problems.push({
        code: "syntax",
        message,
        start: a.textStart + span.start,
        end: a.textStart + span.end,
      });
      return null;
    }
    return result.expr;
  });
  const refs = sources.map((a, i) => {
    const expr = parsed[i];
    const found = expr ? collectReferences(expr) : [];
    if (!a.formula && found.length > 0) {
      const first = found[0] as (typeof found)[number];
      problems.push({
        code: "reference-needs-formula",
        message: `"${first.name}" refers to another assumption; a value that does so is a formula and starts with "=" (write "= ${a.text.trim()}")`,
        start: a.textStart + first.span.start,
        end: a.textStart + first.span.end,
      });
    }
    return { name: a.name, offset: a.textStart, refs: a.formula ? found : [] };
  });
  const order = dependencyOrder(refs, problems);
  const columns = new Map<string, { index: number; unit: Unit }>();
  const compiled: (CompiledAssumption | null)[] = sources.map(() => null);
  for (const i of order) {
    const source = sources[i] as AssumptionSource;
    const expr = parsed[i];
    if (!expr) continue;
    const typed = lowerExpr(expr, {
      name: source.name,
      offset: source.textStart,
      formula: source.formula,
      columns,
      problems,
    });
    if (typed === null) continue;
    columns.set(source.name, { index: i, unit: typed.unit });
    const kind =
      typed.node.k === "const" ? "fixed" : typed.node.k === "random" ? "uncertain" : "formula";
    compiled[i] = {
      name: source.name,
      unit: typed.unit,
      kind: source.formula && kind !== "fixed" ? "formula" : kind,
      node: typed.node,
      timeVarying: dependsOnTime(typed.node, compiled),
      text: source.text.trim(),
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
