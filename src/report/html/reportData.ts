// Assembles the HTML report's data from already-computed results (point run, Monte Carlo run,
// trace, sensitivity, gap, reserve, stress), or computes them all in-process first.

import { outputSensitivities, type Sensitivity } from "../../analysis/sensitivityOf.js";
import { type TenthMeans, tenthMeans } from "../../analysis/tenthMeans.js";
import { aiRevenueEntities, DEFAULT_GAP_SHARES, scenarioGap } from "../../gap/scenarioGap.js";
import { describeAssumption } from "../../model/describeAssumption.js";
import type { Model } from "../../model/model.js";
import type { CheckedScenario } from "../../scenario/checkScenario.js";
import type { CorrelationTarget } from "../../scenario/correlations.js";
import type { Diagnostic } from "../../scenario/diagnostic.js";
import { type CompiledSystem, compileSystem } from "../../sim/compiledSystem.js";
import type { MonteCarloRun } from "../../sim/concludeRun.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import type { MonteCarloResult, OutputSummary } from "../../sim/monteCarloSummary.js";
import type { RunResult } from "../../sim/result.js";
import { runMonteCarloJob } from "../../sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { applyShocks } from "../../stress/applyShocks.js";
import { compareMonteCarlo, comparePointRuns } from "../../stress/compareRuns.js";
import type { Shock } from "../../stress/shock.js";
import { traceRun } from "../../trace/traceRun.js";
import { unitName } from "../../units/unit.js";
import type {
  ReportData,
  ReportReserve,
  ReportSensitivityRow,
  ReportStress,
} from "./reportTypes.js";

export type {
  ReportAssumption,
  ReportData,
  ReportOutput,
  ReportReserve,
  ReportSensitivityRow,
  ReportStress,
} from "./reportTypes.js";

/** What {@link buildReportData} assembles. */
export interface ReportInputs {
  /** The checked scenario. */
  readonly checked: CheckedScenario;
  /** Its compiled loop. */
  readonly system: CompiledSystem;
  /** Its point run, with the declared outputs. */
  readonly point: RunResult;
  /** A finished Monte Carlo run of it (result, sample columns and output columns). */
  readonly run: MonteCarloRun;
  /** A GPU reserve to show beside gold, if any. */
  readonly reserve?: ReportReserve;
  /** The shocked runs (same samples and seed), if any. */
  readonly stress?: {
    readonly shocks: readonly string[];
    readonly point: RunResult;
    readonly monteCarlo: MonteCarloResult;
  };
}

/**
 * The rows of output `output`'s sensitivity, with the inputs' names and units; `tenthsOf` gives an
 * input's tenth means for every output.
 */
function sensitivityRows(
  checked: CheckedScenario,
  found: Sensitivity,
  output: number,
  tenthsOf: (input: number) => readonly TenthMeans[],
): readonly ReportSensitivityRow[] {
  return found.bars.map((b) => {
    const a = checked.model.assumptions[b.input];
    const tenths = tenthsOf(b.input)[output] as TenthMeans;
    return {
      input: a?.name ?? String(b.input),
      unit: a?.unit ?? found.unit,
      rho: found.rho.get(b.input) ?? 0,
      low: b.low,
      high: b.high,
      outputAtLow: b.outputAtLow,
      outputAtHigh: b.outputAtHigh,
      swing: b.swing,
      inLowTenth: tenths.low,
      inHighTenth: tenths.high,
    };
  });
}

/**
 * The report's data from already-computed runs. Also computes, from them, the trace of the point
 * run, the gap per year and the sensitivity of each declared output (two point runs per uncertain
 * input, shared by the outputs).
 */
export function buildReportData(inputs: ReportInputs): ReportData {
  const { checked, system, point, run } = inputs;
  const { scenario, model, outputs } = checked;
  const sensitivity = outputSensitivities({
    scenario,
    model,
    outputs,
    system,
    columns: run.buffers.columns,
    outputColumns: run.buffers.outputs,
  });
  // One sort of each input's samples serves every output's row.
  const tenths = new Map<number, TenthMeans[]>();
  const tenthsOf = (input: number): TenthMeans[] => {
    let found = tenths.get(input);
    if (found === undefined) {
      found = tenthMeans(run.buffers.columns[input] as Float64Array, run.buffers.outputs);
      tenths.set(input, found);
    }
    return found;
  };
  const revenueOf = aiRevenueEntities(scenario.system);
  return {
    scenario: {
      name: scenario.name,
      ...(scenario.description === undefined ? {} : { description: scenario.description.trim() }),
      quarters: point.quarters,
    },
    samples: run.result.samples,
    seed: run.result.seed,
    entities: scenario.system.entities.map((e) => ({
      id: e.id,
      name: point.entities[e.id]?.name ?? e.id,
    })),
    point,
    monteCarlo: run.result,
    outputs: outputs.outputs.map((o, i) => ({
      name: o.name,
      text: o.text,
      unit: o.unit,
      boolean: o.boolean,
      ...(o.note === undefined ? {} : { note: o.note }),
      summary: run.result.outputs[o.name] as OutputSummary,
      samples: Float64Array.from(run.buffers.outputs[i] as Float64Array),
      atMedians: point.outputs[o.name] ?? Number.NaN,
      sensitivity: sensitivityRows(checked, sensitivity[i] as Sensitivity, i, tenthsOf),
    })),
    trace: traceRun(point),
    gap: {
      shares: DEFAULT_GAP_SHARES,
      revenueOf,
      years: scenarioGap(point, DEFAULT_GAP_SHARES, revenueOf),
    },
    assumptions: model.assumptions.map((a) => ({
      name: a.name,
      text: a.text,
      interpretation: describeAssumption(a),
      unit: unitName(a.unit),
      ...(a.source === undefined ? {} : { source: a.source }),
      ...(a.note === undefined ? {} : { note: a.note.trim() }),
    })),
    reserve: inputs.reserve ?? null,
    stress: inputs.stress === undefined ? null : stressOf(inputs.stress, point, run.result),
  };
}

/** The shocked runs compared with the baseline. */
function stressOf(
  shocked: NonNullable<ReportInputs["stress"]>,
  point: RunResult,
  baseline: MonteCarloResult,
): ReportStress {
  const names = Object.fromEntries(Object.entries(point.entities).map(([id, e]) => [id, e.name]));
  return {
    ...shocked,
    comparison: comparePointRuns(point, shocked.point),
    odds: compareMonteCarlo(baseline, shocked.monteCarlo, names),
  };
}

/** Some samples of an assumption were not finite numbers: the run has no result to report. */
export class ReportSamplesError extends Error {
  override readonly name = "ReportSamplesError";
  constructor(
    /** Where and why, to format with the scenario's text (formatDiagnostics). */
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super("some samples have no finite value");
  }
}

/**
 * The report's data computed in this thread (for a browser's Web Worker): the point run, a Monte
 * Carlo run of `options.samples` samples without worker threads, and everything built from them;
 * with `options.shocks`, the same runs under the shocks beside them; `options.kernels` as in
 * MonteCarloJob. The same seed gives the same data bit for bit. Throws ReportSamplesError, with
 * the diagnostics, when some samples are not finite.
 */
export function computeReportData(
  checked: CheckedScenario,
  options: {
    readonly samples: number;
    readonly seed: number;
    readonly shocks?: readonly Shock[];
    readonly kernels?: boolean;
  },
): ReportData {
  const { scenario, model, correlation, outputs } = checked;
  const { samples, seed, shocks = [], kernels } = options;
  const runs = (m: Model, system: CompiledSystem, c: CorrelationTarget | null) => {
    const job = monteCarloJob(scenario, m, system, {
      samples,
      seed,
      correlation: c,
      outputs,
      kernels,
    });
    const run = runMonteCarloJob(job);
    if (!run.ok) throw new ReportSamplesError(run.diagnostics);
    return { run: run.value, point: simulatePoint(scenario, m, system, { outputs }) };
  };
  const system = compileSystem(scenario, model);
  const { run, point } = runs(model, system, correlation);
  if (shocks.length === 0) return buildReportData({ checked, system, point, run });
  const shocked = applyShocks(model, system, correlation, shocks);
  const after = runs(shocked.model, shocked.system, shocked.correlation);
  return buildReportData({
    checked,
    system,
    point,
    run,
    stress: {
      shocks: shocks.map((s) => s.text),
      point: after.point,
      monteCarlo: after.run.result,
    },
  });
}
