// A Monte Carlo run of a model without companies, each sample through every quarter in one pass:
// the assumptions that do not read the clock are drawn and evaluated into their columns as in any
// run, then one compiled function (wholeRunKernel.ts) takes the samples, eight at a time, through
// every quarter, keeping the others in registers, and writes the declared outputs. With no company
// there is no step between quarters, so nothing else needs the columns of the quarter. Where the
// model or its outputs are beyond the kernel, and when some value is not finite (whose cause the
// quarter-by-quarter run traces), it returns null and the run goes quarter by quarter, with the
// same bits.

import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues } from "../sample/domainIssues.js";
import { evaluatorWork } from "../sample/evaluateBlocks.js";
import { summaryScratch } from "../sample/orderStatistics.js";
import type { Program } from "../sample/program.js";
import type { Result } from "../scenario/diagnostic.js";
import { zeroCounts } from "./chunk.js";
import { concludeRun, type MonteCarloRun } from "./concludeRun.js";
import { sampleRun } from "./monteCarloChunk.js";
import { allocateBuffers, type MonteCarloJob } from "./monteCarloJob.js";
import { wholeRunKernel } from "./wholeRunKernel.js";

/**
 * Runs `job` in this thread in one pass per sample, reporting progress to `onQuarter` as the
 * share of the quarters done; null when it cannot: the job has no whole-run kernel
 * (MonteCarloJob.wholeRun), or some value is not finite.
 */
export function runWholeRun(
  job: MonteCarloJob,
  program: Program,
  varying: readonly number[],
  onQuarter?: (done: number, total: number) => void,
): Result<MonteCarloRun> | null {
  if (job.wholeRun === null) return null;
  const n = job.samples;
  const Q = job.quarters.length;
  const buffers = allocateBuffers(job, false, true);
  const { memory } = buffers;
  if (memory === null) return null;
  const kernel = wholeRunKernel(job.wholeRun, memory.memory);
  if (kernel === null) return null;
  const issues = new DomainIssues();
  const blocks = Math.ceil(n / BLOCK_SIZE);
  const chunk = { fromBlock: 0, toBlock: blocks, issues, work: evaluatorWork() };
  const isVarying = new Set(varying);
  const fixed = program.order.filter((index) => !isVarying.has(index));
  sampleRun(job, program, buffers, chunk, fixed);
  if (issues.list().length > 0) return null;
  // A block per call: V8 compiles the function anew with its optimising compiler once it has run
  // a while, and a call already running keeps the first, quicker to compile, code.
  for (let block = 0; block < blocks; block++) {
    const from = block * BLOCK_SIZE;
    if (kernel(from, Math.min(BLOCK_SIZE, n - from)) !== 0) return null;
    onQuarter?.(Math.floor((Q * (block + 1)) / blocks), Q);
  }
  return concludeRun(
    job,
    buffers,
    { issues, counts: zeroCounts(job), maxError: 0 },
    summaryScratch(),
  );
}
