// A worker thread's job: evaluate a range of sample blocks of a model into shared columns.

import type { Model } from "../model/model.js";
import type { DomainIssue } from "../sample/domainIssues.js";
import { DomainIssues } from "../sample/domainIssues.js";
import { type Clock, evaluateBlocks } from "../sample/evaluateBlocks.js";
import { compileProgram } from "../sample/program.js";

/** What the main thread sends: the model, the range of blocks and the shared column buffers. */
export interface SampleTask {
  /** The compiled model (plain data, structured-cloned). */
  readonly model: Model;
  /** One SharedArrayBuffer per assumption, each `samples` doubles. */
  readonly buffers: readonly SharedArrayBuffer[];
  /** Samples of the whole run. */
  readonly samples: number;
  /** Seed of the run. */
  readonly seed: number;
  /** Blocks to evaluate. */
  readonly fromBlock: number;
  readonly toBlock: number;
  /** The clock the assumptions see. */
  readonly clock: Clock;
  /** Assumptions to evaluate, in order. */
  readonly order: readonly number[];
}

/** Evaluates the task's blocks and returns the domain issues found in them. */
export default function sampleBlocks(task: SampleTask): DomainIssue[] {
  const columns = task.buffers.map((buffer) => new Float64Array(buffer));
  const issues = new DomainIssues();
  const { samples, seed, fromBlock, toBlock, clock, order } = task;
  evaluateBlocks(
    compileProgram(task.model),
    columns,
    { samples, seed, fromBlock, toBlock, clock, order },
    issues,
  );
  return issues.list();
}
