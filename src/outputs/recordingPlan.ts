// What a run records for the declared outputs, worked out from their programs: only the values
// the formulas read after the run (a stock at one quarter, a flow summed as the quarters pass),
// and the `firstQuarter` conditions that can be tested while the run goes, quarter by quarter,
// from the current quarter's values, instead of from a recording of every quarter.

import { CURRENT, type OutputsPlan, type Program, type Step } from "./outputsPlan.js";

/** Where a recorded value comes from: series ref or assumption ref of the plan. */
export type SlotSource = "series" | "assumption";

/**
 * One recorded value per sample: `source` ref `ref` in quarter `from` (from = to), or summed over
 * quarters `from…to` as the quarters pass (the additions in runProgram's order).
 */
export interface RecordedSlot {
  readonly source: SlotSource;
  readonly ref: number;
  readonly from: number;
  readonly to: number;
}

/** A write into slot `slot` in some quarter: its value (add false) or an addition to it. */
export interface SlotWrite {
  readonly slot: number;
  readonly source: SlotSource;
  readonly ref: number;
  readonly add: boolean;
}

/** What a run records for the outputs, and when. */
export interface RecordingPlan {
  /** The recorded values; slot s holds one number per sample. */
  readonly slots: readonly RecordedSlot[];
  /** The writes made after quarter q's step, in order: `writes[q]`. */
  readonly writes: readonly (readonly SlotWrite[])[];
  /**
   * Slots holding the current quarter's values that streamed conditions read: written after every
   * quarter's step while some streamed condition is still untested for some sample.
   */
  readonly current: readonly SlotWrite[];
  /** Per program, the indices of its `firstQuarter` steps tested during the run (streamed). */
  readonly streamed: readonly (readonly number[])[];
  /** The slot of a value: key `source:ref:from:to`, or `source:ref:current`. */
  readonly index: ReadonlyMap<string, number>;
}

/** The key of a recorded value in RecordingPlan.index. */
export function slotKey(source: SlotSource, ref: number, from: number | "current", to = from) {
  return from === "current" ? `${source}:${ref}:current` : `${source}:${ref}:${from}:${to}`;
}

/**
 * True when a condition can be tested during the run: it reads only the current quarter's values
 * (no fixed quarter, which may lie ahead; no default, known only at the end; no nested
 * `firstQuarter`).
 */
function streamable(body: Program): boolean {
  return body.steps.every((step) => {
    switch (step.k) {
      case "const":
      case "time":
      case "op":
        return true;
      case "series":
        return step.from === CURRENT && step.to === CURRENT;
      case "assumption":
        return step.quarter === CURRENT;
      default:
        return false;
    }
  });
}

/**
 * How a program is evaluated: after the run in the last quarter, after it in every quarter, or
 * during it.
 */
type Mode = "last" | "every" | "live";

/** The recording plan of `plan`'s programs. */
export function recordingPlan(plan: Pick<OutputsPlan, "programs" | "quarters">): RecordingPlan {
  const Q = plan.quarters;
  const slots: RecordedSlot[] = [];
  const index = new Map<string, number>();
  const current: SlotWrite[] = [];
  const slot = (source: SlotSource, ref: number, from: number, to: number): void => {
    const key = slotKey(source, ref, from, to);
    if (!index.has(key)) index.set(key, slots.push({ source, ref, from, to }) - 1);
  };
  const live = (source: SlotSource, ref: number): void => {
    const key = slotKey(source, ref, "current");
    if (index.has(key)) return;
    index.set(key, slots.push({ source, ref, from: -1, to: -1 }) - 1);
    current.push({ slot: index.get(key) as number, source, ref, add: false });
  };
  /** The values read by `step`, evaluated with `q` as the current quarter. */
  const read = (step: Step, mode: Mode, q: number): void => {
    const at = (quarter: number) => (quarter === CURRENT ? q : quarter);
    if (step.k === "assumption") {
      if (mode === "live") live("assumption", step.ref);
      else slot("assumption", step.ref, at(step.quarter), at(step.quarter));
    } else if (step.k === "series") {
      const from = at(step.from);
      const to = at(step.to);
      if (mode === "live") live("series", step.ref);
      else if (!step.sum || from === to) slot("series", step.ref, to, to);
      else if (mode === "last") slot("series", step.ref, from, to);
      else for (let t = from; t <= to; t++) slot("series", step.ref, t, t);
    }
  };
  const walk = (program: Program, mode: Mode, streamed: number[] | null): void => {
    program.steps.forEach((step, k) => {
      if (step.k === "first") {
        if (streamed !== null && streamable(step.body)) {
          streamed.push(k);
          walk(step.body, "live", null);
        } else walk(step.body, "every", null);
        return;
      }
      if (mode === "every") for (let q = 0; q < Q; q++) read(step, mode, q);
      else read(step, mode, Q - 1);
    });
  };
  const streamed = plan.programs.map((program) => {
    const found: number[] = [];
    walk(program, "last", found);
    return found;
  });
  const writes: SlotWrite[][] = Array.from({ length: Q }, () => []);
  slots.forEach(({ source, ref, from, to }, s) => {
    if (from < 0) return;
    for (let q = from; q <= to; q++)
      (writes[q] as SlotWrite[]).push({ slot: s, source, ref, add: q > from });
  });
  return { slots, writes, current, streamed, index };
}
