// Everything the HTML report shows, assembled from already-computed results (point run, Monte
// Carlo run, trace, sensitivity, gap, reserve) as plain data; and the same computed in-process.

import { outputSensitivities, type Sensitivity } from "../../analysis/sensitivityOf.js";
import { tenthMeans } from "../../analysis/tenthMeans.js";
import {
  aiRevenueEntities,
  type ScenarioGapShares,
  type ScenarioGapYear,
  scenarioGap,
} from "../../gap/scenarioGap.js";
import { describeAssumption } from "../../model/describeAssumption.js";
import type { Model } from "../../model/model.js";
import type { ReserveSummary } from "../../reserve/index.js";
import type { CheckedScenario } from "../../scenario/checkScenario.js";
import type { CorrelationTarget } from "../../scenario/correlations.js";
import type { Diagnostic } from "../../scenario/diagnostic.js";
import { type CompiledSystem, compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import type { MonteCarloResult, OutputSummary } from "../../sim/monteCarloSummary.js";
import type { RunResult } from "../../sim/result.js";
import { type MonteCarloRun, runMonteCarloJob } from "../../sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { applyShocks } from "../../stress/applyShocks.js";
import {
  compareMonteCarlo,
  comparePointRuns,
  type EntityStressOdds,
  type PointStress,
} from "../../stress/compareRuns.js";
import type { Shock } from "../../stress/readShock.js";
import { type TraceDocument, traceRun } from "../../trace/traceRun.js";
import { type Unit, unitName } from "../../units/unit.js";

/** The shares the report's gap methods use: Sequoia 2024's margin and Bain's capex ratio. */
export const REPORT_GAP_SHARES: ScenarioGapShares = { margin: 0.5, capexToRevenue: 0.25 };

/** One input's row of an output's sensitivity. */
export interface ReportSensitivityRow {
  /** The input assumption's name. */
  readonly input: string;
  /** The input's unit. */
  readonly unit: Unit;
  /** Spearman's ρ of the output against the input over the Monte Carlo run. */
  readonly rho: number;
  /** The input's 10th and 90th percentiles. */
  readonly low: number;
  readonly high: number;
  /** The output (point run) with the input at low and at high, every other input at its median. */
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  readonly swing: number;
  /**
   * The output's mean over the Monte Carlo samples whose input is in its lowest and in its
   * highest tenth (for a yes/no output, its probability there).
   */
  readonly inLowTenth: number;
  readonly inHighTenth: number;
}

/** A declared output: its definition, its Monte Carlo summary and samples, and its sensitivity. */
export interface ReportOutput {
  /** Its name. */
  readonly name: string;
  /** Its formula as written. */
  readonly text: string;
  /** The unit of its value. */
  readonly unit: Unit;
  /** True for a yes/no output (summarised as a probability). */
  readonly boolean: boolean;
  /** The note written with it, when given. */
  readonly note?: string;
  /** Its summary over the samples. */
  readonly summary: OutputSummary;
  /** Its value in every sample. */
  readonly samples: Float64Array;
  /** Its value with every uncertain input at its median (the point run). */
  readonly atMedians: number;
  /** The inputs that move it, largest tornado swing first. */
  readonly sensitivity: readonly ReportSensitivityRow[];
}

/** An assumption as the reader audits it. */
export interface ReportAssumption {
  /** Its name (`openai.cash` for a field of the loop). */
  readonly name: string;
  /** The value as written. */
  readonly text: string;
  /** What the value means, in words ("lognormal, 90% in [$35B, $60B], median $45.8B"). */
  readonly interpretation: string;
  /** Its unit's name (`USD`, `W`, `%`, `number`). */
  readonly unit: string;
  /** Where the figure comes from, when given. */
  readonly source?: string;
  /** A note, when given. */
  readonly note?: string;
}

/** A GPU reserve valued beside gold (`perpetuum reserve`), when the report includes one. */
export interface ReportReserve {
  /** The reserve's name. */
  readonly name: string;
  /** What it is, when given. */
  readonly description?: string;
  /** Index of the purchase quarter. */
  readonly bought: number;
  /** Years valued. */
  readonly years: number;
  /** Its summary over samples. */
  readonly summary: ReserveSummary;
}

/** The same scenario under shocks (`--shock`), beside the baseline. */
export interface ReportStress {
  /** The shocks as written. */
  readonly shocks: readonly string[];
  /** The shocked point run. */
  readonly point: RunResult;
  /** The shocked Monte Carlo run (same seed, so its samples pair with the baseline's). */
  readonly monteCarlo: MonteCarloResult;
  /** The point runs compared: defaults, revenue, equity and stakes lost, the cascade. */
  readonly comparison: PointStress;
  /** The Monte Carlo runs compared, by entity id: P(default) and median default quarter. */
  readonly odds: Readonly<Record<string, EntityStressOdds>>;
}

/** Everything the report shows. Plain data (typed arrays included), so it can cross a worker. */
export interface ReportData {
  /** The scenario's name, description and horizon. */
  readonly scenario: {
    readonly name: string;
    readonly description?: string;
    readonly quarters: readonly string[];
  };
  /** Monte Carlo samples drawn. */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
  /** The companies of the loop, in file order. */
  readonly entities: readonly { readonly id: string; readonly name: string }[];
  /** The point run (every uncertain value at its median). */
  readonly point: RunResult;
  /** The Monte Carlo run's result document. */
  readonly monteCarlo: MonteCarloResult;
  /** The declared outputs, in file order. */
  readonly outputs: readonly ReportOutput[];
  /** Cycles and origins of the point run's money. */
  readonly trace: TraceDocument;
  /** The three gap methods on the point run's own figures. */
  readonly gap: {
    readonly shares: ScenarioGapShares;
    /** The companies whose end-customer revenue counts as AI revenue. */
    readonly revenueOf: readonly string[];
    readonly years: readonly ScenarioGapYear[];
  };
  /** Every assumption, in model order. */
  readonly assumptions: readonly ReportAssumption[];
  /** The GPU reserve beside gold, when asked for. */
  readonly reserve: ReportReserve | null;
  /** The shocked runs beside the baseline, when shocks were given. */
  readonly stress: ReportStress | null;
}

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

/** The rows of one output's sensitivity, with the inputs' names and units. */
function sensitivityRows(
  checked: CheckedScenario,
  found: Sensitivity,
  run: MonteCarloRun,
  output: number,
): readonly ReportSensitivityRow[] {
  const values = run.buffers.outputs[output] as Float64Array;
  return found.bars.map((b) => {
    const a = checked.model.assumptions[b.input];
    const tenths = tenthMeans(run.buffers.columns[b.input] as Float64Array, values);
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
      sensitivity: sensitivityRows(checked, sensitivity[i] as Sensitivity, run, i),
    })),
    trace: traceRun(point),
    gap: {
      shares: REPORT_GAP_SHARES,
      revenueOf,
      years: scenarioGap(point, REPORT_GAP_SHARES, revenueOf),
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
 * with `options.shocks`, the same runs under the shocks beside them. The same seed gives the
 * same data bit for bit. Throws ReportSamplesError, with the diagnostics, when some samples are
 * not finite.
 */
export function computeReportData(
  checked: CheckedScenario,
  options: {
    readonly samples: number;
    readonly seed: number;
    readonly shocks?: readonly Shock[];
  },
): ReportData {
  const { scenario, model, correlation, outputs } = checked;
  const { samples, seed, shocks = [] } = options;
  const runs = (m: Model, system: CompiledSystem, c: CorrelationTarget | null) => {
    const job = monteCarloJob(scenario, m, system, { samples, seed, correlation: c, outputs });
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
