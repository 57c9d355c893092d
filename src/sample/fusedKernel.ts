// Fused evaluation: one generated loop computes every assumption of an evaluation order for each
// sample of a block, keeping intermediate values in locals, where the column interpreter
// (runInstruction) makes a pass over the block per operation, a copy per result and a pass to find
// values that are not finite. The generated code performs the same IEEE operations in the same
// order as the interpreter, so the bits are the same. Code generation needs `new Function`: the web
// app, whose Content-Security-Policy forbids it, asks for none (MonteCarloJob.kernels); where it is
// refused all the same, fuseKernel returns null and the interpreter runs.

import { FAST_EXP_TABLES } from "../math/fastExp.js";
import { power } from "../math/power.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { type KernelDraw, kernelSource, transformOperations } from "./kernelSource.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Program,
  type ValueProgram,
} from "./program.js";

/** The generated function: evaluates samples [from, from + len) and returns the count of bad ones. */
type KernelFunction = (
  columns: readonly Float64Array[],
  scratch: readonly Float64Array[],
  constants: Float64Array,
  pow: (x: number, y: number) => number,
  fraction: Float64Array,
  pow2: Float64Array,
  from: number,
  len: number,
  t: number,
  now: number,
  year: number,
  bad: Int32Array,
) => number;

/** A fused evaluation of one order of assumptions, for the first quarter or for a later one. */
export interface FusedKernel {
  /** The assumptions it evaluates, in order. */
  readonly order: readonly number[];
  /** The draws to make for each block before running. */
  readonly draws: readonly KernelDraw[];
  /** One block-sized array per draw inside a formula (KernelDraw.index). */
  readonly scratch: readonly Float64Array[];
  /**
   * Samples (offsets in the block) left unwritten because the sum of their checked values was not
   * finite: some value is not, or (rarely) finite values overflowed together.
   */
  readonly bad: Int32Array;
  /**
   * Evaluates the block's samples [from, from + len) into the columns and returns how many were
   * left unwritten (listed in `bad`): evaluateSamples evaluates those one by one and traces the
   * values that are not finite.
   */
  run(
    columns: readonly Float64Array[],
    from: number,
    len: number,
    t: number,
    now: number,
    year: number,
  ): number;
}

/**
 * The operations an assumption's program runs for each sample: 1 for a copy, a draw, …; a draw
 * the kernel transforms counts its inline work (transformOperations).
 */
function operations(p: AssumptionProgram | ValueProgram, transformDraws: boolean): number {
  if (p.kind === "instructions") return p.instructions.length;
  if (!transformDraws || p.kind !== "sample") return 1;
  return Math.max(1, transformOperations(p.dist));
}

/**
 * Most operations in one kernel: V8 leaves a function whose bytecode is much larger unoptimised,
 * and an unoptimised kernel would be slower than the interpreter.
 */
export const MAX_KERNEL_OPERATIONS = 400;

/**
 * Fewest blocks a call of evaluateBlocks must cover for its kernels to transform their normal and
 * lognormal draws themselves (KernelDraw.standard). That saves a pass over each such column (M1
 * at 10^6 samples: 58 ms instead of 61 on one thread), but makes a larger kernel, which V8 takes
 * longer to compile: over ono's three blocks at 10^4 samples, mostly before it was compiled, it
 * made the whole run 3–5% slower. At 25 blocks (10^5 samples) the two were equal.
 */
export const TRANSFORM_DRAWS_FROM_BLOCKS = 32;

/**
 * Fused kernels evaluating `order` in turn (in the first quarter when `firstQuarter`, where
 * stocks take their start values), each of at most `maxOperations` operations unless one
 * assumption has more, transforming their normal and lognormal draws when `transformDraws`;
 * null where the platform forbids generating code.
 */
export function fuseKernels(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  maxOperations = MAX_KERNEL_OPERATIONS,
  transformDraws = false,
): FusedKernel[] | null {
  const segments: number[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const index of order) {
    const ops = operations(
      effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter),
      transformDraws,
    );
    if (size + ops > maxOperations) {
      segments.push([]);
      size = 0;
    }
    segments.at(-1)?.push(index);
    size += ops;
  }
  const kernels: FusedKernel[] = [];
  for (const segment of segments) {
    const kernel = fuseKernel(program, segment, firstQuarter, transformDraws);
    if (kernel === null) return null;
    kernels.push(kernel);
  }
  return kernels;
}

/** The fused kernel evaluating `order`, or null where the platform forbids generating code. */
function fuseKernel(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  transformDraws: boolean,
): FusedKernel | null {
  const { source, draws, constants, scratch } = kernelSource(
    program,
    order,
    firstQuarter,
    transformDraws,
  );
  let fn: KernelFunction;
  try {
    fn = new Function(
      "columns",
      "scratch",
      "constants",
      "pow",
      "fraction",
      "pow2",
      "from",
      "len",
      "t",
      "now",
      "year",
      "bad",
      source,
    ) as KernelFunction;
  } catch {
    return null;
  }
  const arrays = Array.from({ length: scratch }, () => new Float64Array(BLOCK_SIZE));
  const bad = new Int32Array(BLOCK_SIZE);
  return {
    order,
    draws,
    scratch: arrays,
    bad,
    run: (columns, from, len, t, now, year) =>
      fn(
        columns,
        arrays,
        constants,
        power,
        FAST_EXP_TABLES.fraction,
        FAST_EXP_TABLES.pow2,
        from,
        len,
        t,
        now,
        year,
        bad,
      ),
  };
}
