// The check stage of outputs: parses each formula, resolves what it reads, checks its units with
// the model's lowering and compiles it to a program. Every problem of every output is reported.

import type { Expr } from "../expr/ast.js";
import { parseExpression } from "../expr/parser.js";
import type { IrNode } from "../model/ir.js";
import { lowerExpr } from "../model/lowerExpr.js";
import type { LowerContext } from "../model/lowering.js";
import type { Model } from "../model/model.js";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import type { Scenario } from "../scenario/scenario.js";
import { PLAIN, type Unit } from "../units/unit.js";
import { emitProgram } from "./emitProgram.js";
import type { OutputSource } from "./outputSource.js";
import type { OutputInfo, OutputsPlan, Program } from "./outputsPlan.js";
import { newRecording, type Recording } from "./recording.js";
import type { ResolveContext } from "./resolveContext.js";
import { resolveOutput } from "./resolveOutput.js";

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);
const CONDITIONS = new Set(["defaulted", "and", "or", "not"]);

/** True when the formula is a condition: a comparison, and/or/not, or defaulted(…). */
function isCondition(expr: Expr): boolean {
  if (expr.type === "binary") return COMPARISONS.has(expr.op);
  return expr.type === "call" && CONDITIONS.has(expr.name);
}

/** What compiling all outputs shares. */
interface Shared {
  readonly scenario: Scenario;
  readonly assumptions: ReadonlyMap<string, { readonly index: number; readonly unit: Unit }>;
  readonly outputs: ReadonlySet<string>;
  readonly recording: Recording;
  readonly problems: Diagnostic[];
}

/** One output compiled, or `null` after reporting its problems. */
function compileOne(
  source: OutputSource,
  shared: Shared,
): { info: OutputInfo; program: Program } | null {
  const { scenario, problems } = shared;
  if (shared.assumptions.has(source.name)) {
    problems.push({
      code: "output-name-clash",
      message: `"${source.name}" already names an assumption; give the output another name`,
      start: source.nameStart,
      end: source.nameEnd,
    });
  }
  const parsed = parseExpression(source.text, { dottedNames: true });
  if (!parsed.ok) {
    const { span, message } = parsed.problem;
    const at = source.textStart;
    problems.push({ code: "syntax", message, start: at + span.start, end: at + span.end });
    return null;
  }
  const ctx: ResolveContext = {
    text: source.text,
    offset: source.textStart,
    start: scenario.start,
    quarters: scenario.quarters,
    entities: scenario.system.entities.map((e) => e.id),
    assumptions: shared.assumptions,
    outputs: shared.outputs,
    recording: shared.recording,
    leaves: [],
    columns: new Map(),
    problems,
  };
  const resolved = resolveOutput(parsed.expr, ctx, false);
  if (resolved === null) return null;
  const lowering: LowerContext = {
    name: source.name,
    offset: source.textStart,
    formula: true,
    columns: ctx.columns,
    problems,
  };
  const typed = lowerExpr(resolved, lowering);
  const bodies = new Map<number, IrNode>();
  ctx.leaves.forEach((leaf, k) => {
    if (leaf.k !== "first") return;
    const body = lowerExpr(leaf.body, lowering);
    if (body !== null) bodies.set(k, body.node);
  });
  const firsts = ctx.leaves.filter((leaf) => leaf.k === "first").length;
  if (typed === null || bodies.size < firsts) return null;
  const boolean = isCondition(parsed.expr);
  const info: OutputInfo = {
    name: source.name,
    text: source.text.trim(),
    unit: boolean ? PLAIN : typed.unit,
    boolean,
    ...(source.note === undefined ? {} : { note: source.note }),
  };
  return { info, program: emitProgram(typed.node, ctx.leaves, bodies) };
}

/**
 * Compiles the outputs declared in a scenario whose assumptions compiled into `model`: a plan
 * with what the run must record and a program per output, or the diagnostics of every output.
 *
 * @example compileOutputs(scenario, model) // { ok: true, value: { outputs: [...], series: [...] } }
 */
export function compileOutputs(scenario: Scenario, model: Model): Result<OutputsPlan> {
  const shared: Shared = {
    scenario,
    assumptions: new Map(model.assumptions.map((a, index) => [a.name, { index, unit: a.unit }])),
    outputs: new Set(scenario.outputs.map((o) => o.name)),
    recording: newRecording(),
    problems: [],
  };
  const compiled = scenario.outputs.map((source) => compileOne(source, shared));
  if (shared.problems.length > 0) return { ok: false, diagnostics: shared.problems };
  const done = compiled as { info: OutputInfo; program: Program }[];
  const { series, assumptions, defaults } = shared.recording;
  return {
    ok: true,
    value: {
      outputs: done.map((c) => c.info),
      series,
      assumptions,
      defaults,
      start: scenario.start,
      quarters: scenario.quarters,
      programs: done.map((c) => c.program),
    },
  };
}
