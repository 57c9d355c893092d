// Runs a compiled output formula over a chunk of samples, step by step, each step one tight loop
// over the chunk, reading the values the run recorded. A comparison or an if(…) whose condition is
// not finite gives NaN, so that a division by zero is counted instead of silently reading as false.

import { TIME_VARIABLES } from "../model/ir.js";
import type { DomainIssues } from "../sample/domainIssues.js";
import { runInstruction, type View } from "../sample/runInstruction.js";
import type { Frame } from "./frame.js";
import { CURRENT, type Program, type Step } from "./outputsPlan.js";
import type { Recorded, StreamedFirst } from "./recorded.js";
import { type SlotSource, slotKey } from "./recordingPlan.js";
import { traceNonFinite } from "./traceNonFinite.js";

/** What a program runs on. */
export interface RunEnv {
  /** The recorded values of the chunk. */
  readonly recorded: Recorded;
  /** The scenario's first quarter (index). */
  readonly start: number;
  /** Offset of the chunk's first sample in the run (for messages). */
  readonly offset: number;
  /** Where non-finite results are traced. */
  readonly issues: DomainIssues;
  /**
   * True while the run goes (a streamed condition): every value read is the current quarter's,
   * from the recording's current slots.
   */
  readonly live: boolean;
}

const POISONED = new Set(["lt", "le", "gt", "ge", "eq", "ne", "if"]);

/**
 * The operands whose value must be finite for `step` to give a number, NaN otherwise: the
 * condition of if(…), or each operand of a comparison, but for constants; none for other steps.
 */
export function checkedOperands(step: Extract<Step, { k: "op" }>, program: Program): number[] {
  if (!POISONED.has(step.op)) return [];
  return (step.op === "if" ? step.args.slice(0, 1) : step.args).filter(
    (r) => program.steps[r]?.k !== "const",
  );
}

function finite(x: number): boolean {
  return x - x === 0;
}

function runOp(step: Extract<Step, { k: "op" }>, d: Float64Array, program: Program, frame: Frame) {
  const view = (j: number): View => ({
    arr: frame.regs[step.args[j] ?? (step.args[0] as number)] as Float64Array,
    off: 0,
  });
  const a = view(0);
  runInstruction(step.op, d, a, view(1), view(2), d.length);
  for (const r of checkedOperands(step, program)) {
    const x = frame.regs[r] as Float64Array;
    for (let i = 0; i < d.length; i++) if (!finite(x[i] as number)) d[i] = Number.NaN;
  }
}

/** The recorded values of `source` ref `ref` in quarter `from` (from = to) or summed over from…to. */
function slot(env: RunEnv, source: SlotSource, ref: number, from: number, to = from) {
  const { plan, slots } = env.recorded;
  const s = plan.index.get(
    env.live ? slotKey(source, ref, "current") : slotKey(source, ref, from, to),
  );
  if (s === undefined)
    throw new Error(`${source} ${ref} is not recorded for quarters ${from}…${to}`);
  return slots[s] as Float64Array;
}

function runSeries(step: Extract<Step, { k: "series" }>, d: Float64Array, env: RunEnv, q: number) {
  const from = step.from === CURRENT ? q : step.from;
  const to = step.to === CURRENT ? q : step.to;
  if (!step.sum || from === to) {
    d.set(slot(env, "series", step.ref, to));
    return;
  }
  if (env.recorded.plan.index.has(slotKey("series", step.ref, from, to))) {
    d.set(slot(env, "series", step.ref, from, to));
    return;
  }
  d.set(slot(env, "series", step.ref, from));
  for (let t = from + 1; t <= to; t++) {
    const s = slot(env, "series", step.ref, t);
    for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) + (s[i] as number);
  }
}

/**
 * Tests quarter `q` of the condition `body` for the samples still open (`open[i]` = 1): each that
 * meets it gets q + 1 in `d` (NaN, traced, when the condition is not finite) and is closed.
 * Returns how many of the `left` open samples stay open.
 */
export function testQuarter(
  body: Program,
  frame: Frame,
  open: Uint8Array,
  env: RunEnv,
  q: number,
  d: Float64Array,
  left: number,
): number {
  runProgram(body, frame, env, q);
  const c = frame.regs[body.result] as Float64Array;
  let stay = left;
  for (let i = 0; i < c.length; i++) {
    const v = c[i] as number;
    if (open[i] === 0 || v === 0) continue;
    if (finite(v)) d[i] = q + 1;
    else {
      d[i] = Number.NaN;
      traceNonFinite(body, frame, body.result, i, env.offset + i, env.issues);
    }
    open[i] = 0;
    stay--;
  }
  return stay;
}

function runFirst(
  step: Extract<Step, { k: "first" }>,
  d: Float64Array,
  frame: Frame,
  env: RunEnv,
): void {
  const { count, quarters } = env.recorded;
  frame.open.fill(1);
  d.fill(quarters + 1);
  let left = count;
  for (let q = 0; q < quarters && left > 0; q++)
    left = testQuarter(step.body, frame, frame.open, env, q, d, left);
}

/**
 * Runs `program` over the chunk into `frame`'s registers, with quarter `q` (0-based) as the
 * current quarter: the one bare names, clock variables and defaulted(…) read. Its `firstQuarter`
 * steps in `streamed` were tested during the run; the others are tested here.
 */
export function runProgram(
  program: Program,
  frame: Frame,
  env: RunEnv,
  q: number,
  streamed?: ReadonlyMap<number, StreamedFirst>,
): void {
  const { count, quarters, defaultedAt } = env.recorded;
  program.steps.forEach((step, k) => {
    const d = frame.regs[k] as Float64Array;
    switch (step.k) {
      case "const":
        d.fill(step.value);
        return;
      case "series":
        runSeries(step, d, env, q);
        return;
      case "assumption":
        d.set(slot(env, "assumption", step.ref, step.quarter === CURRENT ? q : step.quarter));
        return;
      case "time": {
        const now = env.start + q;
        d.fill([q, now, Math.floor(now / 4)][TIME_VARIABLES.indexOf(step.which)] as number);
        return;
      }
      case "defaulted":
        for (let i = 0; i < count; i++) {
          const at = defaultedAt[step.entity * count + i] as number;
          d[i] = at >= 0 && at <= q ? 1 : 0;
        }
        return;
      case "defaultQuarter":
        for (let i = 0; i < count; i++) {
          const at = defaultedAt[step.entity * count + i] as number;
          d[i] = at >= 0 ? at + 1 : quarters + 1;
        }
        return;
      case "first": {
        const tested = streamed?.get(k);
        if (tested === undefined) runFirst(step, d, frame.nested.get(k) as Frame, env);
        else d.set(tested.result);
        return;
      }
      case "op":
        runOp(step, d, program, frame);
        return;
      default:
        step satisfies never;
    }
  });
}
