// The engine's work for the page, as pure functions of a request: check the scenario's text with
// the CLI's own checker, then a point run or a Monte Carlo, reduced to what the views show.

import { yearEnd, yearlySum, yearsOf } from "../../src/report/yearly.js";
import { type CheckedScenario, checkScenario } from "../../src/scenario/checkScenario.js";
import type { Diagnostic } from "../../src/scenario/diagnostic.js";
import { formatDiagnostics, lineStarts, positionOf } from "../../src/scenario/formatDiagnostics.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import type { RunResult } from "../../src/sim/result.js";
import { runMonteCarloJob } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import { formatQuantity } from "../../src/units/formatQuantity.js";
import type {
  EngineReply,
  EngineRequest,
  MonteCarloReply,
  MonteCarloRequest,
  MonteCarloView,
  PointReply,
  PointRequest,
  PointView,
  Problem,
} from "./messages.js";
import { findSliders } from "./sliders.js";

/**
 * Whether the engine may run assumptions through fused kernels, code made with `new Function` or
 * compiled to WebAssembly. The app is served with a Content-Security-Policy without
 * 'unsafe-eval' or 'wasm-unsafe-eval' (serveApp.ts), which refuses both: the column interpreter
 * runs instead, and no refused attempt is logged.
 */
export const GENERATED_CODE_ALLOWED = false;

/** Each problem formatted as the CLI formats it, in order of position. */
export function problemsOf(
  name: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): Problem[] {
  const starts = lineStarts(text);
  return [...diagnostics]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((d) => {
      const offset = Math.min(d.start, text.length);
      const { line, col } = positionOf(starts, offset);
      return { text: formatDiagnostics(name, text, [d]), line, col, offset };
    });
}

/** The rows of a company's yearly table. */
const YEARLY = [
  ["revenue", "revenue", "sum"],
  ["net income", "netIncome", "sum"],
  ["capex", "capex", "sum"],
  ["outside equity", "equityRaised", "sum"],
  ["outside debt", "debtRaised", "sum"],
  ["closing cash", "cash", "end"],
  ["debt", "debt", "end"],
] as const;

/** What the views show of a point run. */
export function pointView(result: RunResult, checked: CheckedScenario): PointView {
  const q = result.quarters;
  const entities = Object.entries(result.entities).map(([id, e]) => ({
    id,
    name: e.name,
    cashEnd: e.series.cash.at(-1) ?? 0,
    defaultedAt: e.defaultedAt,
    cash: e.series.cash,
    yearly: YEARLY.map(([label, series, how]) => ({
      label,
      values: how === "sum" ? yearlySum(q, e.series[series]) : yearEnd(q, e.series[series]),
    })),
  }));
  const outputs = checked.outputs.outputs.map((o) => {
    const v = result.outputs[o.name] ?? Number.NaN;
    return { name: o.name, value: o.boolean ? (v > 0 ? "yes" : "no") : formatQuantity(v, o.unit) };
  });
  return {
    quarters: q,
    years: yearsOf(q),
    entities,
    events: result.events.map((e) => ({ quarter: e.quarter, message: e.message })),
    outputs,
  };
}

/** Checks and point-runs the request's text. */
export function runPoint(request: PointRequest): PointReply {
  const started = performance.now();
  const reply = (rest: Omit<PointReply, "kind" | "id" | "ms">): PointReply => ({
    kind: "point",
    id: request.id,
    ms: performance.now() - started,
    ...rest,
  });
  const checked = checkScenario(request.text);
  if (!checked.ok) {
    const problems = problemsOf(request.name, request.text, checked.diagnostics);
    return reply({ problems, sliders: [], view: null, failure: null });
  }
  const { scenario, model, outputs } = checked.value;
  const sliders = findSliders(request.text, scenario.assumptions);
  if (scenario.system.entities.length === 0)
    return reply({ problems: [], sliders, view: null, failure: null });
  try {
    const result = simulatePoint(scenario, model, undefined, { outputs });
    return reply({ problems: [], sliders, view: pointView(result, checked.value), failure: null });
  } catch (error) {
    return reply({ problems: [], sliders, view: null, failure: String(error) });
  }
}

/** Percent with three significant digits, as the CLI's reports write it. */
function percent(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}

/** Runs a Monte Carlo of the request's text. */
export function runMonteCarlo(request: MonteCarloRequest): MonteCarloReply {
  const started = performance.now();
  const reply = (view: MonteCarloView | null, failure: string | null): MonteCarloReply => ({
    kind: "monteCarlo",
    id: request.id,
    view,
    failure,
    ms: performance.now() - started,
  });
  const checked = checkScenario(request.text);
  if (!checked.ok) return reply(null, "the scenario has problems");
  const { scenario, model, correlation, outputs } = checked.value;
  if (scenario.system.entities.length === 0 && outputs.outputs.length === 0)
    return reply(null, "nothing to simulate");
  try {
    const job = monteCarloJob(scenario, model, compileSystem(scenario, model), {
      samples: request.samples,
      seed: request.seed,
      correlation,
      outputs,
      kernels: GENERATED_CODE_ALLOWED,
    });
    // A structured clone of the job, as the CLI runs it (see runMonteCarloParallel): a rerun after
    // an edit then keeps the step's compiled code instead of throwing it away.
    const run = runMonteCarloJob(structuredClone(job));
    if (!run.ok) {
      return reply(null, problemsOf(request.name, request.text, run.diagnostics)[0]?.text ?? "");
    }
    const r = run.value.result;
    const entities = Object.entries(r.probabilities).map(([id, p]) => {
      const quarters = p.defaultQuarter.quarters;
      const top = Math.max(0, ...quarters);
      const at = quarters.indexOf(top);
      const summary = r.summary[id];
      return {
        id,
        pDefault: p.defaultBy.at(-1) ?? 0,
        likeliestDefault: top > 0 ? { quarter: r.quarters[at] ?? "", p: top } : null,
        cash: (summary?.cash.quarters ?? []).map(({ p5, p25, p50, p75, p95 }) => ({
          p5,
          p25,
          p50,
          p75,
          p95,
        })),
      };
    });
    const shown = outputs.outputs.map((o) => {
      const s = r.outputs[o.name];
      if (s === undefined) return { name: o.name, value: "" };
      const f = (x: number) => formatQuantity(x, o.unit);
      return {
        name: o.name,
        value:
          s.probability !== undefined
            ? `P = ${percent(s.probability)}`
            : `${f(s.p50)} (90% in ${f(s.p5)} to ${f(s.p95)})`,
      };
    });
    return reply({ samples: r.samples, quarters: r.quarters, entities, outputs: shown }, null);
  } catch (error) {
    return reply(null, String(error));
  }
}

/** The reply to `request` when the engine itself threw (a bug): the failure, no run. */
export function failedReply(request: EngineRequest, error: unknown): EngineReply {
  const failure = `the engine failed: ${String(error)}`;
  switch (request.kind) {
    case "point":
      return {
        kind: "point",
        id: request.id,
        problems: [],
        sliders: [],
        view: null,
        failure,
        ms: 0,
      };
    case "monteCarlo":
      return { kind: "monteCarlo", id: request.id, view: null, failure, ms: 0 };
    case "report":
      return { kind: "report", id: request.id, sections: [], years: 0, failure, ms: 0 };
    default:
      return request satisfies never;
  }
}
