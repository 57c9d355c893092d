// A Monte Carlo stepped in this thread with its quarter summaries computed on a second one: after
// stepping quarter q into one of two quarter buffers, this thread hands the quarter to the summary
// helper (summaryHelper.ts) and steps quarter q + 1 into the other buffer, waiting only when the
// helper still reads the buffer it needs. Below about 20,000 samples, splitting the samples across
// threads costs more than it saves (each thread compiles the step anew); this uses the second core
// for the summaries, about a fifth of the work, instead. Summaries are functions of their columns
// alone, so the result is the same bit for bit as in one thread.

import { summaryScratch } from "../sample/orderStatistics.js";
import { compileProgram } from "../sample/program.js";
import type { Result } from "../scenario/diagnostic.js";
import { Chunk } from "../sim/chunk.js";
import type { MonteCarloRun } from "../sim/concludeRun.js";
import { evaluateQuarter, sampleRun, stepChunk } from "../sim/monteCarloChunk.js";
import {
  allocateBuffers,
  bufferMemory,
  type MonteCarloJob,
  withSeries,
} from "../sim/monteCarloJob.js";
import { quarterTasks, runSummaryTask } from "../sim/monteCarloSummary.js";
import { timeVaryingOrder } from "../sim/pointValues.js";
import { finishRun } from "../sim/simulateMonteCarlo.js";
import { SummaryHelper } from "./summaryHelper.js";

/**
 * Runs `job` in this thread with a summary helper thread, reporting the quarters done to
 * `onQuarter`. The job is cloned first, as runMonteCarloParallel does for a run in this thread.
 */
export async function runPipelined(
  given: MonteCarloJob,
  onQuarter?: (done: number, total: number) => void,
): Promise<Result<MonteCarloRun>> {
  const job = structuredClone(given);
  const buffers = allocateBuffers(job, true);
  const odd = new SharedArrayBuffer(buffers.series.byteLength);
  const oddQuarters = withSeries(buffers, new Float64Array(odd));
  const helper = new SummaryHelper({ job, memory: bufferMemory(buffers), odd });
  try {
    const program = compileProgram(job.model);
    const varying = timeVaryingOrder(job.model);
    const chunk = new Chunk(job, 0, 1);
    const scratch = summaryScratch();
    sampleRun(job, program, buffers, chunk);
    const Q = job.quarters.length;
    for (let q = 0; q < Q; q++) {
      if (q >= 2) await helper.summarized(q - 2);
      const quarter = q % 2 === 0 ? buffers : oddQuarters;
      evaluateQuarter(job, program, varying, quarter, chunk, q);
      stepChunk(job, quarter, chunk, q);
      for (const task of quarterTasks(job, q))
        if (task.source !== "series") runSummaryTask(job, quarter, task, scratch);
      helper.summarize(q);
      onQuarter?.(q + 1, Q);
    }
    await helper.summarized(Q - 1);
    return finishRun(job, buffers, chunk, scratch);
  } finally {
    await helper.stop();
  }
}
