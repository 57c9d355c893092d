// The memory guard of every Monte Carlo command: a run that would need more than MAX_RUN_BYTES is
// refused with what it needs and how many samples would fit.

import { MAX_RUN_BYTES } from "../defaults.js";
import { type MonteCarloJob, runBytes } from "../sim/monteCarloJob.js";
import { formatBytes } from "../units/formatBytes.js";
import { UsageError } from "./io.js";

/** Throws a UsageError when `job` needs more memory than MAX_RUN_BYTES; `given` is --samples. */
export function refuseOversizedRun(job: MonteCarloJob, given: string): void {
  const bytes = runBytes(job);
  if (bytes <= MAX_RUN_BYTES) return;
  const fit = Math.floor((job.samples * MAX_RUN_BYTES) / bytes);
  throw new UsageError(
    `--samples ${given}: ${job.samples.toLocaleString("en-US")} samples of this scenario need ${formatBytes(bytes)} (its assumptions, the quarter's results and the simulation state of every sample in flight); the limit is ${formatBytes(MAX_RUN_BYTES)}, which fits at most ${fit.toLocaleString("en-US")} samples`,
  );
}
