// A thread's share of a Monte Carlo run (see monteCarloChunk.ts): its blocks and samples, its
// simulation state and working memory, and the counts it contributes to the run's probabilities.
// Classes, not object literals, so that a second run in the same process keeps the compiled code
// of the step and of the stages that read them (see Ctx).

import { type Recorded, recordingFor } from "../outputs/recorded.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues } from "../sample/domainIssues.js";
import { type EvaluatorWork, evaluatorWork } from "../sample/evaluateBlocks.js";
import { MAX_KERNEL_OPERATIONS } from "../sample/fusedKernel.js";
import type { MonteCarloJob } from "./monteCarloJob.js";
import { SimState } from "./simState.js";
import { StepScratch } from "./stepScratch.js";

/**
 * Counts a chunk contributes to the run's probabilities (integers, so sums are exact). Plain data:
 * a worker thread sends its counts back.
 */
export interface ChunkCounts {
  /** Samples in which each entity has defaulted by the end of each quarter: [e · Q + q]. */
  readonly defaulted: Float64Array;
  /** Samples in which each entity's cash net of all outside money raised so far has been below
   * zero by the end of each quarter: [e · Q + q]. */
  readonly short: Float64Array;
  /** Samples in which each entity's net income is positive in each year: [e · Y + y]. */
  readonly profitable: Float64Array;
}

class Counts implements ChunkCounts {
  readonly defaulted: Float64Array;
  readonly short: Float64Array;
  readonly profitable: Float64Array;

  constructor(entities: number, quarters: number, years: number) {
    this.defaulted = new Float64Array(entities * quarters);
    this.short = new Float64Array(entities * quarters);
    this.profitable = new Float64Array(entities * years);
  }
}

/** Zero counts for the entities, quarters and years of `job`. */
export function zeroCounts(job: MonteCarloJob): ChunkCounts {
  return new Counts(job.system.entities.length, job.system.quarters, job.years.length);
}

/** A thread's range of blocks and its state. */
export class Chunk {
  /** Blocks [fromBlock, toBlock). */
  readonly fromBlock: number;
  readonly toBlock: number;
  /** First absolute sample it simulates, and the number of them. */
  readonly from: number;
  readonly count: number;
  readonly state: SimState;
  readonly scratch: StepScratch;
  /** Per entity and sample: 1 once cash net of outside money has been below zero. */
  readonly short: Uint8Array;
  readonly counts: ChunkCounts;
  /** The trajectories the declared outputs read, for this chunk's samples. */
  readonly recorded: Recorded;
  /** Non-finite values found while evaluating assumptions. */
  readonly issues: DomainIssues;
  /** Working memory of the assumption evaluator (and its fused kernels). */
  readonly work: EvaluatorWork;
  /** Largest conservation error seen, in dollars. */
  maxError: number;

  /** Part `index` of `parts` of `job`: its blocks to evaluate and its samples to simulate. */
  constructor(job: MonteCarloJob, index: number, parts: number) {
    const { system } = job;
    const E = system.entities.length;
    const Q = system.quarters;
    const blocks = Math.ceil(job.samples / BLOCK_SIZE);
    const from = Math.floor((index * job.samples) / parts);
    const count = Math.floor(((index + 1) * job.samples) / parts) - from;
    this.fromBlock = Math.floor((index * blocks) / parts);
    this.toBlock = Math.floor(((index + 1) * blocks) / parts);
    this.from = from;
    this.count = count;
    this.state = new SimState(count, E, system.contracts.length, system.capacity.length, Q);
    this.scratch = new StepScratch(system, job.slots, count);
    this.short = new Uint8Array(E * count);
    this.counts = zeroCounts(job);
    this.recorded = recordingFor(job.outputs, count, Q, E, job.kernels);
    this.issues = new DomainIssues();
    this.work = evaluatorWork(job.kernels ? MAX_KERNEL_OPERATIONS : 0);
    this.maxError = 0;
  }
}
