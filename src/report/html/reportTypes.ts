// The shape of the HTML report's data: everything its sections show, as plain data (typed arrays
// included) that can be sent to a Web Worker and back.

import type { ScenarioGapShares, ScenarioGapYear } from "../../gap/scenarioGap.js";
import type { ReserveSummary } from "../../reserve/index.js";
import type { MonteCarloResult, OutputSummary } from "../../sim/monteCarloSummary.js";
import type { RunResult } from "../../sim/result.js";
import type { EntityStressOdds, PointStress } from "../../stress/compareRuns.js";
import type { TraceDocument } from "../../trace/traceRun.js";
import type { Unit } from "../../units/unit.js";

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
