// A command's Monte Carlo run: refused when it cannot fit in memory, run on worker threads with a
// progress bar on stderr, and any sample without a finite value reported at its place in the file.

import { formatDiagnostics } from "../scenario/formatDiagnostics.js";
import type { MonteCarloRun } from "../sim/concludeRun.js";
import { type MonteCarloJob, seriesCount } from "../sim/monteCarloJob.js";
import { type Io, UsageError } from "./io.js";
import { runMonteCarloParallel } from "./parallelMonteCarlo.js";
import type { ThreadPlan } from "./parseCount.js";
import { runPipelined } from "./pipelinedMonteCarlo.js";
import { progressBar } from "./progress.js";
import { refuseOversizedRun } from "./refuseOversizedRun.js";

/** The scenario file a run comes from, for its messages. */
export interface RunSource {
  /** The path shown in messages. */
  readonly path: string;
  /** The file's text. */
  readonly text: string;
}

/**
 * Runs `job` as `plan` says; `given` is --samples as typed. Throws a UsageError, after
 * printing the problems, when the run is too large or some sample has no finite value.
 */
export async function monteCarloWithProgress(
  job: MonteCarloJob,
  plan: ThreadPlan,
  given: string,
  source: RunSource,
  io: Io,
): Promise<MonteCarloRun> {
  refuseOversizedRun(job, given);
  const bar = progressBar(io, `${job.scenario}: ${job.samples.toLocaleString("en-US")} samples`);
  const onQuarter = (done: number, total: number) => bar.update(done, total);
  // Without companies there are no quarter summaries for a helper to take over.
  const mc =
    plan.summaryHelper && seriesCount(job) > 0
      ? await runPipelined(job, onQuarter)
      : await runMonteCarloParallel(job, plan.threads, onQuarter);
  bar.stop();
  if (!mc.ok) {
    io.err(`${formatDiagnostics(source.path, source.text, mc.diagnostics)}\n`);
    throw new UsageError(`${source.path}: some samples have no finite value`);
  }
  return mc.value;
}
