// Registers for running a program over a chunk: one Float64Array per step, and the frames of
// the programs nested in `firstQuarter` steps. Kept per program and chunk size, so that chunks
// after the first allocate nothing.

import type { Program } from "./outputsPlan.js";

/** The registers of a program and of the programs nested in it. */
export interface Frame {
  /** Register k holds step k's value for each sample of the chunk. */
  readonly regs: readonly Float64Array[];
  /** Frames of nested programs, by the index of their `first` step. */
  readonly nested: ReadonlyMap<number, Frame>;
  /** Per sample, 1 while a `firstQuarter` has not found its quarter (scratch for runProgram). */
  readonly open: Uint8Array;
}

const frames = new WeakMap<Program, Frame>();

/**
 * A frame for `program` over `count` samples: the one used for the previous chunk when it had
 * the same size (its registers are overwritten before they are read), else a new one.
 */
export function frameFor(program: Program, count: number): Frame {
  const cached = frames.get(program);
  if (cached !== undefined && cached.open.length === count) return cached;
  const nested = new Map<number, Frame>();
  program.steps.forEach((step, k) => {
    if (step.k === "first") nested.set(k, frameFor(step.body, count));
  });
  const frame = {
    regs: program.steps.map(() => new Float64Array(count)),
    nested,
    open: new Uint8Array(count),
  };
  frames.set(program, frame);
  return frame;
}
