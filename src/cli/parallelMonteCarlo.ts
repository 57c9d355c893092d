// A Monte Carlo run on several worker threads (piscina): the blocks are split into contiguous
// ranges, one per thread, the threads step their samples quarter by quarter in lockstep and share
// the summaries, all in shared memory. Each sample and each summary is computed from the same
// numbers whatever the split, so the result is the same bit for bit on any number of threads.

import { Piscina } from "piscina";
import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues, domainDiagnostics } from "../sample/domainIssues.js";
import type { Result } from "../scenario/diagnostic.js";
import { zeroCounts } from "../sim/chunk.js";
import type { MonteCarloRun } from "../sim/concludeRun.js";
import { addCounts } from "../sim/monteCarloChunk.js";
import { allocateBuffers, bufferMemory, type MonteCarloJob } from "../sim/monteCarloJob.js";
import { monteCarloResult } from "../sim/monteCarloSummary.js";
import { runMonteCarloJob } from "../sim/simulateMonteCarlo.js";
import { checkConservation } from "../sim/simulatePoint.js";
import { barrierMemory } from "./barrier.js";
import type { MonteCarloPart, MonteCarloTask } from "./monteCarloWorker.js";
import { workerFile } from "./workerFile.js";

/**
 * A pool of `threads` Monte Carlo workers for runMonteCarloParallel's `pool`, for a command that
 * makes several runs (stress: the baseline and the shocked scenario): the second run finds the
 * threads started and their code already compiled. The caller destroys it.
 */
export function monteCarloPool(threads: number): Piscina {
  return new Piscina({
    ...workerFile("monteCarloWorker"),
    minThreads: threads,
    maxThreads: threads,
  });
}

/** The threads a run of `samples` samples uses when given `threads`: no more than its blocks. */
export function runThreads(samples: number, threads: number): number {
  return Math.max(1, Math.min(threads, Math.ceil(samples / BLOCK_SIZE)));
}

/**
 * Runs `job` on `threads` worker threads (one: in this thread), reporting the quarters done to
 * `onQuarter` as they finish. The workers come from `pool` when one is given (it must hold at least
 * as many threads, since the parts wait for one another each quarter), else from a pool started
 * and stopped for this run.
 */
export async function runMonteCarloParallel(
  job: MonteCarloJob,
  threads: number,
  onQuarter?: (done: number, total: number) => void,
  pool?: Piscina,
): Promise<Result<MonteCarloRun>> {
  const k = runThreads(job.samples, threads);
  // In this thread, a structured clone of the job, as a worker gets it. A job's records are object
  // literals; when a second job (stress's shocked run) evaluates them again, V8 makes their fields
  // mutable and throws away the step's compiled code. A clone's objects are built field by field,
  // which keeps them constant: the second run in a process is then as fast as the first warm one.
  if (k === 1) return runMonteCarloJob(structuredClone(job), onQuarter);
  if (pool !== undefined && pool.options.maxThreads < k)
    throw new RangeError(
      `a run on ${k} threads needs a pool of at least ${k} threads, not ${pool.options.maxThreads}`,
    );
  // A job with a whole-run kernel writes its outputs from the kernel, into the columns' memory.
  const buffers = allocateBuffers(job, true, job.wholeRun !== null);
  const memory = bufferMemory(buffers);
  const barrier = barrierMemory();
  const progress = new SharedArrayBuffer(4);
  const gaveWay = new SharedArrayBuffer(4);
  const workers = pool ?? monteCarloPool(k);
  const Q = job.quarters.length;
  const timer = setInterval(() => onQuarter?.(Atomics.load(new Int32Array(progress), 0), Q), 100);
  let parts: MonteCarloPart[];
  try {
    parts = await Promise.all(
      Array.from({ length: k }, (_, index) => {
        const task: MonteCarloTask = {
          job,
          memory,
          barrier,
          threads: k,
          index,
          progress,
          gaveWay,
        };
        return workers.run(task) as Promise<MonteCarloPart>;
      }),
    );
  } finally {
    clearInterval(timer);
    if (pool === undefined) await workers.destroy();
  }
  onQuarter?.(Q, Q);
  const issues = new DomainIssues();
  const counts = zeroCounts(job);
  let maxError = 0;
  for (const part of parts) {
    issues.merge(part.issues);
    addCounts(counts, part.counts);
    maxError = Math.max(maxError, part.maxError);
  }
  const found = issues.list();
  if (found.length > 0) return { ok: false, diagnostics: domainDiagnostics(found, job.samples) };
  checkConservation(maxError);
  return {
    ok: true,
    value: { result: monteCarloResult(job, buffers, counts, maxError), buffers },
  };
}
