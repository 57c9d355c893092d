// What the run records for the outputs of a chunk of samples: the values the formulas read after
// the run (see recordingPlan.ts), the `firstQuarter` conditions tested as the quarters go, and
// the quarter each entity defaulted.

import type { Frame } from "./frame.js";
import { type OutputsKernel, outputsKernel, type StreamTest, streamTest } from "./outputKernel.js";
import type { OutputsPlan, Program } from "./outputsPlan.js";
import { type RecordingPlan, recordingPlan } from "./recordingPlan.js";

/** A `firstQuarter` step tested during the run (RecordingPlan.streamed). */
export interface StreamedFirst {
  /** Its condition. */
  readonly body: Program;
  /** Per sample: 1 while it has not met the condition. */
  readonly open: Uint8Array;
  /**
   * The samples that have not met it, in ascending order: the first `left` entries, once the
   * compiled test has run (before that, every sample is open).
   */
  readonly list: Int32Array;
  /** Per sample: the 1-based quarter it was met, quarters + 1 so far, or NaN if not finite. */
  readonly result: Float64Array;
  /** Samples that have not met it yet. */
  left: number;
  /** The condition compiled (outputKernel.ts), or null: runProgram tests it. */
  readonly test: StreamTest | null;
  /** Registers for runProgram, made when it first tests the condition. */
  frame: Frame | null;
}

/** Values recorded for a chunk of `count` samples over `quarters` quarters. */
export interface Recorded {
  /** Samples in the chunk. */
  readonly count: number;
  /** Quarters of the run (the scenario's horizon). */
  readonly quarters: number;
  /** Which values are recorded, and when. */
  readonly plan: RecordingPlan;
  /** Slot s of the plan: one value per sample. */
  readonly slots: readonly Float64Array[];
  /** Per program, its streamed `firstQuarter` steps by step index. */
  readonly firsts: readonly ReadonlyMap<number, StreamedFirst>[];
  /** The formulas compiled (outputKernel.ts), or null: runProgram evaluates them. */
  readonly kernel: OutputsKernel | null;
  /** [entity * count + i]: 0-based quarter of the entity's default, or −1 when it never defaults. */
  readonly defaultedAt: Int32Array;
}

const NO_OUTPUTS = { programs: [], quarters: 0, start: 0 } as const;

/** A class, not an object literal, so that a second run keeps the code that reads it (see Ctx). */
class Recording implements Recorded {
  readonly plan: RecordingPlan;
  readonly slots: readonly Float64Array[];
  readonly firsts: readonly ReadonlyMap<number, StreamedFirst>[];
  readonly kernel: OutputsKernel | null;
  readonly defaultedAt: Int32Array;

  constructor(
    outputs: Pick<OutputsPlan, "programs" | "quarters" | "start">,
    readonly count: number,
    readonly quarters: number,
    entities: number,
    kernels: boolean,
  ) {
    const plan = recordingPlan(outputs);
    this.plan = plan;
    const buffer = new Float64Array(plan.slots.length * count);
    this.slots = plan.slots.map((_, s) => buffer.subarray(s * count, s * count + count));
    this.firsts = plan.streamed.map((steps, o) => {
      const program = outputs.programs[o] as Program;
      return new Map(
        steps.map((k) => {
          const { body } = program.steps[k] as Extract<Program["steps"][number], { k: "first" }>;
          const result = new Float64Array(count).fill(quarters + 1);
          const open = new Uint8Array(count).fill(1);
          const list = new Int32Array(count);
          const test = kernels ? streamTest(body, plan) : null;
          return [k, { body, open, list, result, left: count, test, frame: null }];
        }),
      );
    });
    this.kernel =
      kernels && outputs.programs.length > 0
        ? outputsKernel({ ...outputs, recording: plan })
        : null;
    this.defaultedAt = new Int32Array(entities * count);
  }
}

/**
 * Zeroed room to record what `plan`'s formulas read (nothing without a plan) for `count` samples
 * of `entities` entities over `quarters` quarters; with `kernels`, the formulas are compiled where
 * the platform allows generating code.
 */
export function recordingFor(
  plan: Pick<OutputsPlan, "programs" | "quarters" | "start"> | undefined,
  count: number,
  quarters: number,
  entities: number,
  kernels = false,
): Recorded {
  return new Recording(plan ?? NO_OUTPUTS, count, quarters, entities, kernels);
}
