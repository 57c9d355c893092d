// Sampling on several worker threads (piscina). Blocks are split into contiguous ranges, one per
// thread, and written into shared columns; since every block draws from its own streams, the
// result is bit-identical to the one-thread run for any number of threads.

import { Piscina } from "piscina";
import type { Model } from "../model/model.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues, domainDiagnostics } from "../sample/domainIssues.js";
import { clockAt } from "../sample/evaluateBlocks.js";
import { compileProgram } from "../sample/program.js";
import {
  reorderCorrelated,
  type Samples,
  sampleModel,
  samplingPhases,
} from "../sample/sampleModel.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import type { Result } from "../scenario/diagnostic.js";
import type { SampleTask } from "./sampleWorker.js";
import { workerFile } from "./workerFile.js";

/** Options of a parallel run. */
export interface ParallelOptions {
  /** Samples to draw. */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
  /** Index of the scenario's first quarter (for assumptions that read the clock). */
  readonly start: number;
  /** Target rank correlations, when the scenario declares any. */
  readonly correlation: CorrelationTarget | null;
  /** Worker threads to use (1: this thread only). */
  readonly threads: number;
  /**
   * Workers kept for several runs (samplePool), so that a run does not pay for starting threads
   * and compiling the engine in them; without one, a pool is started and stopped for this run.
   */
  readonly pool?: Piscina;
}

/** A pool of `threads` sampling workers for sampleParallel's `pool`; the caller destroys it. */
export function samplePool(threads: number): Piscina {
  return new Piscina({ ...workerFile("sampleWorker"), minThreads: threads, maxThreads: threads });
}

/**
 * Draws the samples of `model` on `threads` worker threads (one thread: in this thread). The
 * columns are the same, bit for bit, whatever the number of threads.
 */
export async function sampleParallel(
  model: Model,
  options: ParallelOptions,
): Promise<Result<Samples>> {
  const { samples, seed, start, correlation } = options;
  const blocks = Math.ceil(samples / BLOCK_SIZE);
  const threads = Math.max(1, Math.min(options.threads, blocks));
  if (threads === 1) return sampleModel(model, { samples, seed, start, correlation });
  const buffers = model.assumptions.map(() => new SharedArrayBuffer(samples * 8));
  const columns = buffers.map((b) => new Float64Array(b));
  const pool = options.pool ?? samplePool(threads);
  const issues = new DomainIssues();
  try {
    const phases = samplingPhases(compileProgram(model).order, correlation);
    for (const [phase, order] of phases.entries()) {
      if (phase > 0 && correlation) reorderCorrelated(columns, correlation, seed);
      const tasks = Array.from({ length: threads }, (_, t) => {
        const task: SampleTask = {
          model,
          buffers,
          samples,
          seed,
          fromBlock: Math.floor((t * blocks) / threads),
          toBlock: Math.floor(((t + 1) * blocks) / threads),
          clock: clockAt(start, 0),
          order,
        };
        return pool.run(task) as Promise<ReturnType<DomainIssues["list"]>>;
      });
      for (const found of await Promise.all(tasks)) issues.merge(found);
    }
  } finally {
    if (options.pool === undefined) await pool.destroy();
  }
  const found = issues.list();
  if (found.length > 0) return { ok: false, diagnostics: domainDiagnostics(found, samples) };
  return { ok: true, value: { samples, seed, columns } };
}
