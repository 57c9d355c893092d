// A worker thread's part of a Monte Carlo run: its range of blocks, stepped quarter by quarter
// in step with the other threads (a barrier after each stage), and its share of the summaries.

import type { DomainIssue } from "../sample/domainIssues.js";
import { summaryScratch } from "../sample/orderStatistics.js";
import { compileProgram } from "../sample/program.js";
import { reorderCorrelated, samplingPhases } from "../sample/sampleModel.js";
import { Chunk, type ChunkCounts } from "../sim/chunk.js";
import { evaluateQuarter, finishChunk, sampleChunk, stepChunk } from "../sim/monteCarloChunk.js";
import { type bufferMemory, buffersFrom, type MonteCarloJob } from "../sim/monteCarloJob.js";
import { outputTasks, quarterTasks, runSummaryTask } from "../sim/monteCarloSummary.js";
import { timeVaryingOrder } from "../sim/pointValues.js";
import { abortBarrier, arriveAndWait } from "./barrier.js";

/** What the main thread sends to each worker. */
export interface MonteCarloTask {
  readonly job: MonteCarloJob;
  readonly memory: ReturnType<typeof bufferMemory>;
  /** Barrier memory shared by all the run's workers, and their number. */
  readonly barrier: SharedArrayBuffer;
  readonly threads: number;
  /** This worker's index (0 … threads − 1). */
  readonly index: number;
  /** One shared word: quarters finished (written by worker 0, for the progress bar). */
  readonly progress: SharedArrayBuffer;
}

/** What a worker returns. */
export interface MonteCarloPart {
  readonly issues: DomainIssue[];
  readonly counts: ChunkCounts;
  readonly maxError: number;
}

/** Runs the task's part of the run. */
export default function runPart(task: MonteCarloTask): MonteCarloPart {
  const { job, barrier, threads, index } = task;
  const sync = () => arriveAndWait(barrier, threads);
  try {
    const buffers = buffersFrom(task.memory, job);
    const program = compileProgram(job.model);
    const varying = timeVaryingOrder(job.model);
    const chunk = new Chunk(job, index, threads);
    const scratch = summaryScratch();
    samplingPhases(program.order, job.correlation).forEach((order, phase) => {
      if (phase > 0 && job.correlation) {
        sync();
        if (index === 0) reorderCorrelated(buffers.columns, job.correlation, job.seed);
        sync();
      }
      sampleChunk(job, program, buffers, chunk, order);
    });
    const progress = new Int32Array(task.progress);
    for (let q = 0; q < job.quarters.length; q++) {
      evaluateQuarter(job, program, varying, buffers, chunk, q);
      sync();
      stepChunk(job, buffers, chunk, q);
      sync();
      quarterTasks(job, q).forEach((summary, k) => {
        if (k % threads === index) runSummaryTask(job, buffers, summary, scratch);
      });
      if (index === 0) Atomics.store(progress, 0, q + 1);
      sync();
    }
    finishChunk(job, buffers, chunk);
    sync();
    outputTasks(job).forEach((summary, k) => {
      if (k % threads === index) runSummaryTask(job, buffers, summary, scratch);
    });
    return { issues: chunk.issues.list(), counts: chunk.counts, maxError: chunk.maxError };
  } catch (error) {
    abortBarrier(barrier);
    throw error;
  }
}
