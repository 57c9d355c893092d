// The Monte Carlo run in one thread: every sample of every uncertain assumption through the whole
// quarterly simulation, all samples stepped quarter by quarter, with summaries computed as the
// quarters go (no trajectory is kept); or, for a model without companies, each sample through
// every quarter in one pass (wholeRun.ts). Worker threads run the same stages on shares of the
// blocks (src/cli/parallelMonteCarlo.ts), so the result is the same bit for bit.

import type { Model } from "../model/model.js";
import type { OutputsPlan } from "../outputs/outputsPlan.js";
import { type SummaryScratch, summaryScratch } from "../sample/orderStatistics.js";
import { compileProgram, type Program } from "../sample/program.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import type { Result } from "../scenario/diagnostic.js";
import type { Scenario } from "../scenario/scenario.js";
import { Chunk } from "./chunk.js";
import { type CompiledSystem, compileSystem } from "./compiledSystem.js";
import { concludeRun, type MonteCarloRun } from "./concludeRun.js";
import { evaluateQuarter, finishChunk, sampleRun, stepChunk } from "./monteCarloChunk.js";
import {
  allocateBuffers,
  type MonteCarloBuffers,
  type MonteCarloJob,
  monteCarloJob,
} from "./monteCarloJob.js";
import { type MonteCarloResult, quarterTasks, runSummaryTask } from "./monteCarloSummary.js";
import { timeVaryingOrder } from "./pointValues.js";
import { runWholeRun } from "./wholeRun.js";

/** How many samples and from which seed. */
export interface MonteCarloOptions {
  /** Samples (≥ 1). */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
  /** Target rank correlations among uncertain inputs, when any. */
  readonly correlation?: CorrelationTarget | null;
  /** The scenario's declared outputs (none when absent). */
  readonly outputs?: OutputsPlan;
  /** Called after each quarter with the quarters done and the total (for a progress bar). */
  readonly onQuarter?: (done: number, total: number) => void;
}

/**
 * Ends a run whose quarters are all stepped and summarised in the one chunk `chunk`: the declared
 * outputs and their summaries, then the result, or the samples that have no finite value.
 */
export function finishRun(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  chunk: Chunk,
  scratch: SummaryScratch,
): Result<MonteCarloRun> {
  finishChunk(job, buffers, chunk);
  return concludeRun(job, buffers, chunk, scratch);
}

/**
 * Runs `job` in this thread: in one pass per sample where it can (wholeRun.ts), else quarter by
 * quarter; the result is the same bit for bit.
 */
export function runMonteCarloJob(
  job: MonteCarloJob,
  onQuarter?: (done: number, total: number) => void,
): Result<MonteCarloRun> {
  const program = compileProgram(job.model);
  const varying = timeVaryingOrder(job.model);
  return (
    runWholeRun(job, program, varying, onQuarter) ??
    runQuarterByQuarter(job, program, varying, onQuarter)
  );
}

/** Runs `job` in this thread quarter by quarter, every sample stepped through each in turn. */
export function runQuarterByQuarter(
  job: MonteCarloJob,
  program: Program,
  varying: readonly number[],
  onQuarter?: (done: number, total: number) => void,
): Result<MonteCarloRun> {
  const buffers = allocateBuffers(job, false);
  const chunk = new Chunk(job, 0, 1);
  const scratch = summaryScratch();
  sampleRun(job, program, buffers, chunk);
  const Q = job.quarters.length;
  for (let q = 0; q < Q; q++) {
    evaluateQuarter(job, program, varying, buffers, chunk, q);
    stepChunk(job, buffers, chunk, q);
    for (const task of quarterTasks(job, q)) runSummaryTask(job, buffers, task, scratch);
    onQuarter?.(q + 1, Q);
  }
  return finishRun(job, buffers, chunk, scratch);
}

/**
 * Runs `samples` samples of `scenario` in this thread. The same seed gives the same result bit for
 * bit. Fails with diagnostics when some samples of an assumption are not finite numbers; throws
 * ConservationError if money is not conserved in some sample and quarter.
 */
export function simulateMonteCarlo(
  scenario: Scenario,
  model: Model,
  options: MonteCarloOptions,
  system: CompiledSystem = compileSystem(scenario, model),
): Result<MonteCarloResult> {
  const job = monteCarloJob(scenario, model, system, options);
  const run = runMonteCarloJob(job, options.onQuarter);
  return run.ok ? { ok: true, value: run.value.result } : run;
}
