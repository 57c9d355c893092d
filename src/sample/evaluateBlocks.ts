// Evaluates every assumption for a range of sample blocks, writing into the sample columns.
// Block b covers samples [b·BLOCK_SIZE, (b+1)·BLOCK_SIZE) and draws from its own random
// streams, so any split of the blocks (threads, machines) gives the same bits.

import { sampleInto } from "../dist/index.js";
import { BLOCK_SIZE, fillStandardNormal, streamRng } from "../rng/index.js";
import type { ColumnMemory } from "./columnMemory.js";
import type { DomainIssues } from "./domainIssues.js";
import { evaluateSamples } from "./evaluateSamples.js";
import {
  type FusedKernel,
  fuseKernels,
  MAX_KERNEL_OPERATIONS,
  TRANSFORM_DRAWS_FROM_BLOCKS,
} from "./fusedKernel.js";
import { interpretBlocks } from "./interpretBlocks.js";
import type { Program } from "./program.js";
import { wasmKernels } from "./wasmKernel.js";

/** What a range of blocks is evaluated with. */
export interface BlockRange {
  /** Total number of samples of the run. */
  readonly samples: number;
  /** Seed of the run. */
  readonly seed: number;
  /** First block to evaluate. */
  readonly fromBlock: number;
  /** Block just past the last to evaluate. */
  readonly toBlock: number;
  /**
   * The quarter the clock variables read. Quarters must be evaluated in order 0, 1, 2, … (quarter
   * 0 may be evaluated more than once): a stock in quarter t > 0 adds its flow as evaluated in
   * quarter t − 1 to its own value in quarter t − 1.
   */
  readonly clock: Clock;
  /** The assumptions to evaluate, in order (default: all, in the program's order). */
  readonly order?: readonly number[];
}

/** Values of the clock variables for one quarter. */
export interface Clock {
  /** Quarters since the scenario's start (0 in the first quarter). */
  readonly t: number;
  /** Index of the quarter (year × 4 + quarter − 1). */
  readonly now: number;
  /** Calendar year. */
  readonly year: number;
}

/** Working memory of the evaluator for one program, kept across calls of evaluateBlocks. */
export interface EvaluatorWork {
  /** The interpreter's block-sized slots, made on its first run (never where kernels run). */
  slots: readonly Float64Array[] | null;
  /** Fused kernels by order and quarter (null: code generation is not allowed here). */
  readonly kernels: Map<string, readonly FusedKernel[] | null>;
  /** The memory whose columns the kernels compiled to WebAssembly write, if any. */
  memory: ColumnMemory | null;
  /** Most operations per fused kernel; 0: the interpreter alone. */
  readonly maxKernelOperations: number;
  /** Fewest blocks per call for kernels that transform their draws (TRANSFORM_DRAWS_FROM_BLOCKS). */
  readonly transformDrawsFromBlocks: number;
}

/**
 * Working memory for evaluating a program (pass it to evaluateBlocks to reuse it), with fused
 * kernels of at most `maxKernelOperations` operations each (0: the column interpreter alone),
 * which transform their draws in calls of at least `transformDrawsFromBlocks` blocks.
 */
export function evaluatorWork(
  maxKernelOperations = MAX_KERNEL_OPERATIONS,
  transformDrawsFromBlocks = TRANSFORM_DRAWS_FROM_BLOCKS,
): EvaluatorWork {
  return {
    slots: null,
    kernels: new Map(),
    memory: null,
    maxKernelOperations,
    transformDrawsFromBlocks,
  };
}

/**
 * The fused kernels of `order` from `work`'s cache, generated on first use: compiled to
 * WebAssembly when the columns lie in `memory` (but for assumptions that draw inside a formula)
 * and the platform allows, JavaScript kernels otherwise.
 */
function kernelsFor(
  work: EvaluatorWork,
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  transformDraws: boolean,
  memory: ColumnMemory | null,
): readonly FusedKernel[] | null {
  if (work.maxKernelOperations < 1) return null;
  if (work.memory !== memory) {
    work.kernels.clear();
    work.memory = memory;
  }
  const key = `${firstQuarter ? "first" : "later"}:${transformDraws}:${order.join(",")}`;
  let kernels = work.kernels.get(key);
  if (kernels === undefined) {
    const fuse = (segment: readonly number[]) =>
      fuseKernels(program, segment, firstQuarter, work.maxKernelOperations, transformDraws);
    kernels =
      (memory === null ? null : wasmKernels(program, order, firstQuarter, memory, fuse)) ??
      fuse(order);
    work.kernels.set(key, kernels);
  }
  return kernels;
}

/** The clock of quarter `t` of a scenario starting at quarter index `start`. */
export function clockAt(start: number, t: number): Clock {
  return { t, now: start + t, year: Math.floor((start + t) / 4) };
}

/**
 * Evaluates blocks `fromBlock … toBlock − 1` of `program` into `columns` (one Float64Array of
 * length `samples` per assumption, indexed by absolute sample number). Non-finite results are
 * traced to the operation that produced them and recorded in `issues`. `work` is working memory
 * (evaluatorWork), allocated per call unless given. Each block runs a fused kernel where code can
 * be generated, and the column interpreter where not; both give the same bits and issues. When
 * `columns` are those of `memory`, the kernel is compiled to WebAssembly where it can be.
 */
export function evaluateBlocks(
  program: Program,
  columns: readonly Float64Array[],
  range: BlockRange,
  issues: DomainIssues,
  work: EvaluatorWork = evaluatorWork(),
  memory: ColumnMemory | null = null,
): void {
  const order = range.order ?? program.order;
  const firstQuarter = range.clock.t === 0;
  const transformDraws = range.toBlock - range.fromBlock >= work.transformDrawsFromBlocks;
  const inMemory = memory !== null && memory.columns === columns ? memory : null;
  const kernels = kernelsFor(work, program, order, firstQuarter, transformDraws, inMemory);
  if (kernels === null) {
    work.slots ??= Array.from({ length: program.slots }, () => new Float64Array(BLOCK_SIZE));
    interpretBlocks(program, columns, range, order, issues, work.slots);
    return;
  }
  const { seed, clock } = range;
  const values = [clock.t, clock.now, clock.year] as const;
  for (let block = range.fromBlock; block < range.toBlock; block++) {
    const from = block * BLOCK_SIZE;
    const len = Math.min(BLOCK_SIZE, range.samples - from);
    for (const kernel of kernels) {
      for (const d of kernel.draws) {
        const rng = streamRng(seed, d.key, block);
        if (d.standard)
          fillStandardNormal(rng, columns[d.column] as Float64Array, from, from + len);
        else if (d.index >= 0)
          sampleInto(d.dist, rng, kernel.scratch[d.index] as Float64Array, 0, len);
        else sampleInto(d.dist, rng, columns[d.column] as Float64Array, from, from + len);
      }
      const bad = kernel.run(columns, from, len, clock.t, clock.now, clock.year);
      if (bad > 0)
        evaluateSamples(program, firstQuarter, columns, kernel, bad, from, values, issues);
    }
  }
}
