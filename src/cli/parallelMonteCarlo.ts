// A Monte Carlo run on several worker threads (piscina): the blocks are split into contiguous
// ranges, one per thread, the threads step their samples quarter by quarter in lockstep and share
// the summaries, all in shared memory. Each sample and each summary is computed from the same
// numbers whatever the split, so the result is the same bit for bit on any number of threads.

import { Piscina } from "piscina";
import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues, domainDiagnostics } from "../sample/domainIssues.js";
import type { Result } from "../scenario/diagnostic.js";
import { addCounts, type ChunkCounts } from "../sim/monteCarloChunk.js";
import { allocateBuffers, bufferMemory, type MonteCarloJob } from "../sim/monteCarloJob.js";
import { monteCarloResult } from "../sim/monteCarloSummary.js";
import { type MonteCarloRun, runMonteCarloJob } from "../sim/simulateMonteCarlo.js";
import { checkConservation } from "../sim/simulatePoint.js";
import { barrierMemory } from "./barrier.js";
import type { MonteCarloPart, MonteCarloTask } from "./monteCarloWorker.js";
import { workerFile } from "./workerFile.js";

/**
 * Runs `job` on `threads` worker threads (one: in this thread), reporting the quarters done to
 * `onQuarter` as they finish.
 */
export async function runMonteCarloParallel(
  job: MonteCarloJob,
  threads: number,
  onQuarter?: (done: number, total: number) => void,
): Promise<Result<MonteCarloRun>> {
  const blocks = Math.ceil(job.samples / BLOCK_SIZE);
  const k = Math.max(1, Math.min(threads, blocks));
  if (k === 1) return runMonteCarloJob(job, onQuarter);
  const buffers = allocateBuffers(job, (bytes) => new SharedArrayBuffer(bytes));
  const memory = bufferMemory(buffers);
  const barrier = barrierMemory();
  const progress = new SharedArrayBuffer(4);
  const pool = new Piscina({
    ...workerFile("monteCarloWorker"),
    minThreads: k,
    maxThreads: k,
  });
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
        };
        return pool.run(task) as Promise<MonteCarloPart>;
      }),
    );
  } finally {
    clearInterval(timer);
    await pool.destroy();
  }
  onQuarter?.(Q, Q);
  const issues = new DomainIssues();
  const counts: ChunkCounts = {
    defaulted: new Float64Array(parts[0]?.counts.defaulted.length ?? 0),
    short: new Float64Array(parts[0]?.counts.short.length ?? 0),
    profitable: new Float64Array(parts[0]?.counts.profitable.length ?? 0),
  };
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
