// The end of a Monte Carlo run, however it went through its quarters: the summaries of the
// declared outputs (evaluated by then), and the result, or the samples with no finite value.

import { domainDiagnostics } from "../sample/domainIssues.js";
import type { SummaryScratch } from "../sample/orderStatistics.js";
import type { Result } from "../scenario/diagnostic.js";
import type { Chunk } from "./chunk.js";
import type { MonteCarloBuffers, MonteCarloJob } from "./monteCarloJob.js";
import {
  type MonteCarloResult,
  monteCarloResult,
  outputTasks,
  runSummaryTask,
} from "./monteCarloSummary.js";
import { checkConservation } from "./simulatePoint.js";

/** A finished run: the result document, and the buffers (sample columns, outputs) behind it. */
export interface MonteCarloRun {
  readonly result: MonteCarloResult;
  readonly buffers: MonteCarloBuffers;
}

/**
 * Ends a run whose declared outputs are evaluated: their summaries, then the result, or the
 * samples that have no finite value (from `ended.issues`). Throws ConservationError when money
 * was not conserved.
 */
export function concludeRun(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  ended: Pick<Chunk, "issues" | "counts" | "maxError">,
  scratch: SummaryScratch,
): Result<MonteCarloRun> {
  for (const task of outputTasks(job)) runSummaryTask(job, buffers, task, scratch);
  const found = ended.issues.list();
  if (found.length > 0) return { ok: false, diagnostics: domainDiagnostics(found, job.samples) };
  checkConservation(ended.maxError);
  const result = monteCarloResult(job, buffers, ended.counts, ended.maxError);
  return { ok: true, value: { result, buffers } };
}
