// Registers for running a program over a chunk: one Float64Array per step, and the frames of
// the programs nested in `firstQuarter` steps. Allocated once per evaluation of a chunk, never
// per sample.

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

/** A frame for `program` over `count` samples. */
export function newFrame(program: Program, count: number): Frame {
  const nested = new Map<number, Frame>();
  program.steps.forEach((step, k) => {
    if (step.k === "first") nested.set(k, newFrame(step.body, count));
  });
  return {
    regs: program.steps.map(() => new Float64Array(count)),
    nested,
    open: new Uint8Array(count),
  };
}
