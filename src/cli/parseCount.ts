// Reads whole numbers given on the command line (`10000`, `1e6`, `1_000_000`), and the threads
// of a run from --threads or the number of samples.

import { availableParallelism } from "node:os";
import { SIMULATION_PARALLEL_MIN_SAMPLES, SUMMARY_HELPER_MIN_SAMPLES } from "../defaults.js";
import { UsageError } from "./io.js";

/** The integer written in `text`, or a UsageError naming the flag and what was expected. */
export function parseInteger(flag: string, text: string, min: number): number {
  const cleaned = text.replaceAll("_", "").trim();
  const value = cleaned === "" ? Number.NaN : Number(cleaned);
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    throw new UsageError(`${flag} ${text}: expected a whole number such as 10000 or 1e6`);
  }
  if (value < min)
    throw new UsageError(`${flag} ${text}: expected a whole number of at least ${min}`);
  if (!Number.isSafeInteger(value))
    throw new UsageError(`${flag} ${text}: too large (at most ${Number.MAX_SAFE_INTEGER})`);
  return value;
}

/**
 * The threads of a run of `samples`: --threads when given (`flag`), else every core from
 * `parallelFrom` samples (below that, starting workers costs more than they save) and one below.
 */
export function threadCount(
  flag: string | undefined,
  samples: number,
  parallelFrom: number,
): number {
  if (flag !== undefined) return parseInteger("--threads", flag, 1);
  return samples >= parallelFrom ? availableParallelism() : 1;
}

/**
 * How a simulation uses threads: `threads` threads step its samples and, with `summaryHelper`,
 * a second thread computes the quarter summaries while one thread steps (pipelinedMonteCarlo.ts).
 */
export interface ThreadPlan {
  readonly threads: number;
  readonly summaryHelper: boolean;
}

/**
 * The threads of a simulation of `samples`: threadCount's (every core from
 * SIMULATION_PARALLEL_MIN_SAMPLES), and, when --threads is not given and one thread steps at least
 * SUMMARY_HELPER_MIN_SAMPLES samples, the summary helper on a second core if there is one.
 */
export function simulationThreads(flag: string | undefined, samples: number): ThreadPlan {
  const threads = threadCount(flag, samples, SIMULATION_PARALLEL_MIN_SAMPLES);
  const helper = flag === undefined && threads === 1 && samples >= SUMMARY_HELPER_MIN_SAMPLES;
  return { threads, summaryHelper: helper && availableParallelism() > 1 };
}
