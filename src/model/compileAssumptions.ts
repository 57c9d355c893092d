// The compile stage: parses every assumption's value, orders them by dependency and lowers each
// to a compiled node with a checked unit. Every problem of every assumption is reported.

import type { Expr, Span } from "../expr/ast.js";
import { parseExpression } from "../expr/parser.js";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { quarterLabel } from "../scenario/quarter.js";
import type { AssumptionSource } from "../scenario/scenario.js";
import { describeUnit, isDimensionless, sameDimensions, type Unit } from "../units/unit.js";
import { collectReferences, dependencyOrder, type References } from "./dependencyOrder.js";
import { type IrNode, TIME_VARIABLES } from "./ir.js";
import { lowerExpr, RESERVED } from "./lowerExpr.js";
import { isZero, type LowerContext } from "./lowering.js";
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

/**
 * The ordering edge from a stock's flow to its stock: the stock is updated (with the flow of the
 * quarter before) before its flow is evaluated. It points nowhere in the file: it can never be
 * part of a cycle, since nothing can read a flow.
 */
function stockEdge(stock: string): { name: string; span: Span } {
  return { name: stock, span: { start: 0, end: 0 } };
}

/** The problem with a stock whose start value reads the clock or a stock (directly or not). */
function startVaries(
  source: AssumptionSource,
  refs: References["refs"],
  compiled: readonly (CompiledAssumption | null)[],
  flows: ReadonlyMap<string, number>,
): Diagnostic {
  const byName = new Map(compiled.flatMap((a) => (a ? [[a.name, a] as const] : [])));
  const clock = (name: string) => (TIME_VARIABLES as readonly string[]).includes(name);
  const ref = refs.find((r) => clock(r.name) || byName.get(r.name)?.timeVarying === true);
  const head = `the start value of the stock "${source.name}" is its value in the first quarter and cannot change with time`;
  const why =
    ref === undefined
      ? ""
      : clock(ref.name)
        ? `, but it reads the clock (${ref.name})`
        : flows.has(ref.name)
          ? `, but it reads the stock "${ref.name}" (a flow may read other stocks; a start value may not)`
          : `, but it reads "${ref.name}", which changes with time`;
  const offset = ref?.offset ?? source.textStart;
  return {
    code: "stock-start-varies",
    message: `${head}${why}`,
    start: ref ? offset + ref.span.start : source.textStart,
    end: ref ? offset + ref.span.end : source.textStart + source.text.trimEnd().length,
  };
}

/** The problem with a flow whose unit is not its stock's. */
function flowUnitMismatch(
  source: AssumptionSource,
  expr: Expr,
  unit: Unit,
  stock: { readonly index: number; readonly unit: Unit },
  compiled: readonly (CompiledAssumption | null)[],
): Diagnostic {
  const start = compiled[stock.index]?.node;
  const hint =
    start?.k === "const" && start.value === 0 && isDimensionless(stock.unit)
      ? " (a start value of plain 0 is a plain number: write it with its unit, such as $0)"
      : "";
  return {
    code: "unit-mismatch",
    message: `the flow of the stock "${source.flowOf}" must have the stock's unit, ${describeUnit(stock.unit)} per quarter; it is ${describeUnit(unit)}${hint}`,
    start: source.textStart + expr.span.start,
    end: source.textStart + expr.span.end,
  };
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
    // A flow comes after its stock even when it does not read it (see stockEdge).
    const own = a.formula ? found : [];
    return {
      name: a.name,
      offset: a.textStart,
      refs: a.flowOf ? [...own, stockEdge(a.flowOf)] : own,
    };
  });
  const flows = new Map(sources.flatMap((a, i) => (a.flowOf ? [[a.flowOf, i] as const] : [])));
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
    const flow = flows.get(source.name);
    if (flow !== undefined && dependsOnTime(typed.node, compiled)) {
      problems.push(startVaries(source, refs[i]?.refs ?? [], compiled, flows));
      continue;
    }
    if (source.flowOf !== undefined) {
      const stock = columns.get(source.flowOf);
      if (stock !== undefined && !isZero(typed) && !sameDimensions(stock.unit, typed.unit)) {
        problems.push(
          flowUnitMismatch(source, (parts[0] as ValuePart).expr, typed.unit, stock, compiled),
        );
        continue;
      }
    }
    columns.set(source.name, { index: i, unit: typed.unit });
    const kind =
      typed.node.k === "const" ? "fixed" : typed.node.k === "random" ? "uncertain" : "formula";
    const common = {
      name: source.name,
      unit: typed.unit,
      node: typed.node,
      text: source.schedule
        ? `{${source.schedule.map((e) => `${quarterLabel(e.quarter)}: ${e.text.trim()}`).join(", ")}}`
        : source.text.trim(),
      ...(source.source === undefined ? {} : { source: source.source }),
      ...(source.note === undefined ? {} : { note: source.note }),
    };
    compiled[i] =
      flow !== undefined
        ? { ...common, kind: "stock", flow, timeVarying: true }
        : {
            ...common,
            kind: source.schedule
              ? "schedule"
              : source.formula && kind !== "fixed"
                ? "formula"
                : kind,
            timeVarying: dependsOnTime(typed.node, compiled),
            ...(typed.node.k === "random" ? { distribution: typed.node.dist } : {}),
          };
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return {
    ok: true,
    value: { assumptions: compiled as CompiledAssumption[], evaluationOrder: order },
  };
}
