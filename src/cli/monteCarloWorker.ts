// A worker thread's part of a Monte Carlo run: its range of blocks, stepped quarter by quarter
// in step with the other threads (a barrier after each stage), and its share of the summaries; or,
// for a model without companies, its samples through every quarter in one pass.

import { BLOCK_SIZE } from "../rng/index.js";
import type { DomainIssue } from "../sample/domainIssues.js";
import { summaryScratch } from "../sample/orderStatistics.js";
import { compileProgram, type Program } from "../sample/program.js";
import { reorderCorrelated, samplingPhases } from "../sample/sampleModel.js";
import { Chunk, type ChunkCounts, zeroCounts } from "../sim/chunk.js";
import { evaluateQuarter, finishChunk, sampleChunk, stepChunk } from "../sim/monteCarloChunk.js";
import {
  type bufferMemory,
  buffersFrom,
  type MonteCarloBuffers,
  type MonteCarloJob,
} from "../sim/monteCarloJob.js";
import { outputTasks, quarterTasks, runSummaryTask } from "../sim/monteCarloSummary.js";
import { timeVaryingOrder } from "../sim/pointValues.js";
import { wholeRunKernel, wholeRunModule } from "../sim/wholeRunKernel.js";
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
  /** One shared word: 1 once some worker's part of a one-pass run gave way (runWholePart). */
  readonly gaveWay: SharedArrayBuffer;
}

/** What a worker returns. */
export interface MonteCarloPart {
  readonly issues: DomainIssue[];
  readonly counts: ChunkCounts;
  readonly maxError: number;
}

/**
 * Evaluates the assumptions of `order` for the chunk's blocks, in correlation phases: between
 * them, thread 0 reorders the correlated columns while the others wait at barriers.
 */
function sampleInPhases(
  task: MonteCarloTask,
  program: Program,
  buffers: MonteCarloBuffers,
  chunk: Chunk,
  order: readonly number[],
  sync: () => void,
): void {
  const { job } = task;
  samplingPhases(order, job.correlation).forEach((phaseOrder, phase) => {
    if (phase > 0 && job.correlation) {
      sync();
      if (task.index === 0) reorderCorrelated(buffers.columns, job.correlation, job.seed);
      sync();
    }
    sampleChunk(job, program, buffers, chunk, phaseOrder);
  });
}

/**
 * The task's part of a run in one pass per sample (wholeRun.ts), for a job with a whole-run kernel
 * whose outputs lie in the columns' memory: its blocks' assumptions that do not read the clock;
 * once every thread has them, its samples through every quarter; then its share of the output
 * summaries. False, in every thread, when some thread's part gave way (a value that is not finite,
 * or no kernel): each then runs its part quarter by quarter, which traces the cause.
 */
function runWholePart(task: MonteCarloTask, buffers: MonteCarloBuffers, sync: () => void): boolean {
  const { job, threads, index } = task;
  const program = compileProgram(job.model);
  const isVarying = new Set(timeVaryingOrder(job.model));
  const chunk = new Chunk(job, index, threads);
  const fixed = program.order.filter((i) => !isVarying.has(i));
  sampleInPhases(task, program, buffers, chunk, fixed, sync);
  const gaveWay = new Int32Array(task.gaveWay);
  const bytes = chunk.issues.list().length === 0 ? wholeRunModule(job, true) : null;
  const kernel =
    bytes === null || buffers.memory === null ? null : wholeRunKernel(bytes, buffers.memory.memory);
  if (kernel === null) Atomics.store(gaveWay, 0, 1);
  sync();
  const end = chunk.from + chunk.count;
  for (let from = chunk.from; kernel !== null && from < end; from += BLOCK_SIZE) {
    if (Atomics.load(gaveWay, 0) !== 0) break;
    if (kernel(from, Math.min(BLOCK_SIZE, end - from)) !== 0) Atomics.store(gaveWay, 0, 1);
  }
  sync();
  if (Atomics.load(gaveWay, 0) !== 0) return false;
  outputTasks(job).forEach((summary, k) => {
    if (k % threads === index) runSummaryTask(job, buffers, summary, summaryScratch());
  });
  if (index === 0) Atomics.store(new Int32Array(task.progress), 0, job.quarters.length);
  return true;
}

/** Runs the task's part of the run. */
export default function runPart(task: MonteCarloTask): MonteCarloPart {
  const { job, barrier, threads, index } = task;
  const sync = () => arriveAndWait(barrier, threads);
  try {
    const buffers = buffersFrom(task.memory, job);
    if (job.wholeRun !== null && task.memory.outputsInMemory && runWholePart(task, buffers, sync))
      return { issues: [], counts: zeroCounts(job), maxError: 0 };
    const program = compileProgram(job.model);
    const varying = timeVaryingOrder(job.model);
    const chunk = new Chunk(job, index, threads);
    const scratch = summaryScratch();
    sampleInPhases(task, program, buffers, chunk, program.order, sync);
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
