// Runs a compiled output formula over a chunk of samples, step by step, each step one tight loop
// over the chunk. A comparison or an if(…) whose condition is not finite gives NaN, so that a
// division by zero is counted instead of silently reading as false.

import { TIME_VARIABLES } from "../model/ir.js";
import type { DomainIssues } from "../sample/domainIssues.js";
import { runInstruction, type View } from "../sample/runInstruction.js";
import type { Frame } from "./frame.js";
import { CURRENT, type Program, type Step } from "./outputsPlan.js";
import type { Recorded } from "./recorded.js";
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
}

const POISONED = new Set(["lt", "le", "gt", "ge", "eq", "ne", "if"]);

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
  if (!POISONED.has(step.op)) return;
  // The condition of if(…), or each operand of a comparison that is not a constant.
  const checked = (step.op === "if" ? step.args.slice(0, 1) : step.args).filter(
    (r) => program.steps[r]?.k !== "const",
  );
  for (const r of checked) {
    const x = frame.regs[r] as Float64Array;
    for (let i = 0; i < d.length; i++) if (!finite(x[i] as number)) d[i] = Number.NaN;
  }
}

function runSeries(step: Extract<Step, { k: "series" }>, d: Float64Array, env: RunEnv, q: number) {
  const { count } = env.recorded;
  const s = env.recorded.series[step.ref] as Float64Array;
  const from = step.from === CURRENT ? q : step.from;
  const to = step.to === CURRENT ? q : step.to;
  if (!step.sum) {
    d.set(s.subarray(to * count, to * count + count));
    return;
  }
  d.set(s.subarray(from * count, from * count + count));
  for (let t = from + 1; t <= to; t++) {
    const base = t * count;
    for (let i = 0; i < count; i++) d[i] = (d[i] as number) + (s[base + i] as number);
  }
}

function runFirst(
  step: Extract<Step, { k: "first" }>,
  d: Float64Array,
  frame: Frame,
  env: RunEnv,
): void {
  const { count, quarters } = env.recorded;
  const open = frame.open;
  open.fill(1);
  d.fill(quarters + 1);
  let left = count;
  for (let q = 0; q < quarters && left > 0; q++) {
    runProgram(step.body, frame, env, q);
    const c = frame.regs[step.body.result] as Float64Array;
    for (let i = 0; i < count; i++) {
      const v = c[i] as number;
      if (open[i] === 0 || v === 0) continue;
      if (finite(v)) d[i] = q + 1;
      else {
        d[i] = Number.NaN;
        traceNonFinite(step.body, frame, step.body.result, i, env.offset + i, env.issues);
      }
      open[i] = 0;
      left--;
    }
  }
}

/**
 * Runs `program` over the chunk into `frame`'s registers, with quarter `q` (0-based) as the
 * current quarter: the one bare names, clock variables and defaulted(…) read.
 */
export function runProgram(program: Program, frame: Frame, env: RunEnv, q: number): void {
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
      case "assumption": {
        const at = (step.quarter === CURRENT ? q : step.quarter) * count;
        d.set((env.recorded.assumptions[step.ref] as Float64Array).subarray(at, at + count));
        return;
      }
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
      case "first":
        runFirst(step, d, frame.nested.get(k) as Frame, env);
        return;
      case "op":
        runOp(step, d, program, frame);
        return;
      default:
        step satisfies never;
    }
  });
}
