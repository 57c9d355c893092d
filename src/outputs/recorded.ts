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
    options: RecordingOptions,
  ) {
    const plan = recordingPlan(outputs);
    this.plan = plan;
    const S = plan.slots.length;
    const rows =
      options.rows ??
      (() => {
        const buffer = new Float64Array((S + streamedCount(plan)) * count);
        return Array.from({ length: S + streamedCount(plan) }, (_, r) =>
          buffer.subarray(r * count, r * count + count),
        );
      })();
    const row = (r: number) => {
      const found = rows[r];
      if (found?.length !== count)
        throw new RangeError(`recording row ${r} must hold ${count} values`);
      return found;
    };
    this.slots = plan.slots.map((_, s) => row(s));
    const kernels = options.kernels ?? false;
    const test = options.testStreamed ?? true;
    let next = S;
    this.firsts = plan.streamed.map((steps, o) => {
      const program = outputs.programs[o] as Program;
      return new Map(
        steps.map((k) => {
          const { body } = program.steps[k] as Extract<Program["steps"][number], { k: "first" }>;
          const result = row(next++).fill(quarters + 1);
          const open = new Uint8Array(count).fill(1);
          const list = new Int32Array(count);
          const compiled = kernels && test ? streamTest(body, plan) : null;
          return [k, { body, open, list, result, left: count, test: compiled, frame: null }];
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

/** The number of streamed `firstQuarter` steps of `plan`, each with a row of results. */
export function streamedCount(plan: RecordingPlan): number {
  return plan.streamed.reduce((sum, steps) => sum + steps.length, 0);
}

/** How a recording is made. */
export interface RecordingOptions {
  /** Compile the formulas where the platform allows generating code (default false). */
  readonly kernels?: boolean;
  /**
   * Compile the tests of the streamed conditions too, with `kernels` (default true); false when
   * the caller tests them itself and writes their results.
   */
  readonly testStreamed?: boolean;
  /**
   * Where the values go, one row of `count` numbers each: the plan's slots, then the results of
   * its streamed conditions (RecordingPlan.streamed, program by program). Zeroed rows of its own
   * by default.
   */
  readonly rows?: readonly Float64Array[];
}

/**
 * Room to record what `plan`'s formulas read (nothing without a plan) for `count` samples of
 * `entities` entities over `quarters` quarters, made as `options` say.
 */
export function recordingFor(
  plan: Pick<OutputsPlan, "programs" | "quarters" | "start"> | undefined,
  count: number,
  quarters: number,
  entities: number,
  options: RecordingOptions = {},
): Recorded {
  return new Recording(plan ?? NO_OUTPUTS, count, quarters, entities, options);
}
