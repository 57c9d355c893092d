// Records one quarter of a chunk for the outputs, right after the quarter's step: the values the
// recording plan keeps from this quarter, and the streamed `firstQuarter` conditions tested on
// the quarter's values while some sample has not met them.

import type { DomainIssues } from "../sample/domainIssues.js";
import { newFrame } from "./frame.js";
import type { Recorded } from "./recorded.js";
import type { SlotSource } from "./recordingPlan.js";
import { testQuarter } from "./runProgram.js";

/** One quarter's values of a chunk: `count` values of a series ref or an assumption ref. */
export type QuarterValues = (source: SlotSource, ref: number) => Float64Array;

/** Where the tests of streamed conditions report. */
export interface RecordEnv {
  /** The scenario's first quarter (index), for the clock variables. */
  readonly start: number;
  /** Offset of the chunk's first sample in the run (for messages). */
  readonly offset: number;
  /** Where non-finite conditions are traced. */
  readonly issues: DomainIssues;
}

/** Records quarter `q` (0-based) of the chunk from its `values`, after the quarter's step. */
export function recordQuarter(
  recorded: Recorded,
  q: number,
  values: QuarterValues,
  env: RecordEnv,
): void {
  const { plan, slots, firsts } = recorded;
  for (const { slot, source, ref, add } of plan.writes[q] ?? []) {
    const d = slots[slot] as Float64Array;
    const v = values(source, ref);
    if (!add) d.set(v);
    else for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (v[i] as number);
  }
  if (!firsts.some((steps) => [...steps.values()].some((first) => first.left > 0))) return;
  // The compiled tests read the quarter's values where they are; runProgram reads the slots.
  const views = slots.slice();
  for (const { slot, source, ref } of plan.current) views[slot] = values(source, ref);
  let copied = false;
  const live = { ...env, recorded, live: true };
  const now = env.start + q;
  const notFinite = new Uint8Array(1);
  for (const steps of firsts)
    for (const first of steps.values()) {
      if (first.left === 0) continue;
      if (first.test !== null) {
        notFinite[0] = 0;
        const { result, open, list, left } = first;
        first.left = first.test(
          views,
          result,
          open,
          list,
          left,
          q,
          now,
          Math.floor(now / 4),
          notFinite,
        );
        if (notFinite[0] === 0) continue;
      }
      // runProgram tests the samples still open, and traces the values that are not finite.
      if (!copied)
        for (const { slot } of plan.current)
          (slots[slot] as Float64Array).set(views[slot] as Float64Array);
      copied = true;
      first.frame ??= newFrame(first.body, recorded.count);
      first.left = testQuarter(
        first.body,
        first.frame,
        first.open,
        live,
        q,
        first.result,
        first.left,
      );
      if (first.test === null) continue;
      // The compiled test goes on from the samples runProgram left open.
      let k = 0;
      for (let i = 0; i < recorded.count; i++) if (first.open[i] === 1) first.list[k++] = i;
    }
}
