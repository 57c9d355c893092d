// Output formulas compiled to JavaScript: one loop over a chunk's samples computes a formula for
// each sample in locals, with the same IEEE operations in the same order as runProgram, instead of
// one pass over the chunk per step into a register. Two kinds: the test of a streamed
// `firstQuarter` condition in one quarter, and the formulas evaluated after the run. A sample whose
// value is not finite is left to runProgram, which gives the same bits and traces the cause. Code
// generation needs `new Function`; where the platform refuses it, the kernels are null and
// runProgram does all the work.

import { power } from "../math/power.js";
import { opExpression } from "../sample/kernelSource.js";
import { CURRENT, type Program, type Step } from "./outputsPlan.js";
import { type RecordingPlan, slotKey } from "./recordingPlan.js";
import { checkedOperands } from "./runProgram.js";

/** How a leaf step reads in the generated code, or null when the kernel cannot read it. */
type LeafSource = (step: Step, k: number) => string | null;

/** Source lines computing `program`'s steps for sample `i` into locals `${name}_k`, or null. */
function programLines(
  program: Program,
  name: string,
  constants: number[],
  leaf: LeafSource,
): string[] | null {
  const lines: string[] = [];
  const local = (r: number) => `${name}_${r}`;
  for (const [k, step] of program.steps.entries()) {
    let value: string | null;
    if (step.k === "const") value = `k[${constants.push(step.value) - 1}]`;
    else if (step.k === "op") {
      value = opExpression(step.op, step.args.map(local));
      const checked = checkedOperands(step, program);
      if (checked.length > 0)
        value = `${checked.map((r) => `${local(r)} - ${local(r)} === 0`).join(" && ")} ? (${value}) : NaN`;
    } else value = leaf(step, k);
    if (value === null) return null;
    lines.push(`const ${local(k)} = ${value};`);
  }
  return lines;
}

/** Tests one quarter of a streamed condition; see streamTest. */
export type StreamTest = (
  values: readonly Float64Array[],
  d: Float64Array,
  open: Uint8Array,
  list: Int32Array,
  left: number,
  q: number,
  now: number,
  year: number,
  notFinite: Uint8Array,
) => number;

/**
 * The test of the streamed condition `body` in one quarter, for the `left` samples in `list` (the
 * samples still open, in ascending order; every sample when `left` is the count of `d`), reading
 * the quarter's values from `values` at the current slots of `plan`: each that meets it with a
 * finite value gets q + 1 in `d` and is closed (`open[i]` = 0); the others stay in `list`, in
 * order. Returns how many stay. A sample whose condition is not finite stays open, for runProgram
 * to trace, and sets `notFinite[0]` to 1. Null where code cannot be generated.
 */
export function streamTest(body: Program, plan: RecordingPlan): StreamTest | null {
  const constants: number[] = [];
  const used = new Set<number>();
  const lines = programLines(body, "b", constants, (step) => {
    if (step.k === "time") return step.which === "t" ? "q" : step.which;
    if (step.k !== "series" && step.k !== "assumption") return null;
    const slot = plan.index.get(slotKey(step.k, step.ref, "current")) as number;
    used.add(slot);
    return `s${slot}[i]`;
  });
  if (lines === null) return null;
  const source = [
    '"use strict";',
    ...[...used].map((s) => `const s${s} = values[${s}];`),
    "let kept = 0;",
    "const all = left === d.length;",
    "for (let j = 0; j < left; j++) {",
    "const i = all ? j : list[j];",
    ...lines,
    `const v = b_${body.result};`,
    "if (v !== 0 && v - v === 0) {",
    "d[i] = q + 1;",
    "open[i] = 0;",
    "} else {",
    "if (v !== 0) notFinite[0] = 1;",
    "list[kept++] = i;",
    "}",
    "}",
    "return kept;",
  ].join("\n");
  return generate<StreamTest>(
    ["values", "d", "open", "list", "left", "q", "now", "year", "notFinite"],
    source,
    constants,
  );
}

/**
 * The function of parameters `params` compiled from `source`, which also reads the constants as
 * `k` (a typed array, so that every one is read as a double) and the power function as `pow`; null
 * where the platform refuses to generate code.
 */
function generate<F>(params: readonly string[], source: string, constants: readonly number[]) {
  let fn: (...args: unknown[]) => unknown;
  try {
    fn = new Function("k", "pow", ...params, source) as typeof fn;
  } catch {
    return null;
  }
  return fn.bind(null, Float64Array.from(constants), power) as F;
}

/**
 * Evaluates the compiled formulas for every sample of a chunk into `out[o][offset + i]`, and sets
 * `flags[o]` to 1 for each formula runProgram must evaluate instead: one not compiled, or one with
 * a value that is not finite in some sample. `firsts` holds the results of the streamed steps, in
 * the order of RecordingPlan.streamed.
 */
export type OutputsKernel = (
  slots: readonly Float64Array[],
  firsts: readonly Float64Array[],
  defaultedAt: Int32Array,
  out: readonly Float64Array[],
  offset: number,
  count: number,
  flags: Uint8Array,
) => void;

/** What the formulas evaluated after the run read. */
export interface OutputsKernelPlan {
  /** The formulas. */
  readonly programs: readonly Program[];
  /** The scenario's first quarter (index) and horizon. */
  readonly start: number;
  readonly quarters: number;
  /** The recording plan of the formulas. */
  readonly recording: RecordingPlan;
}

/**
 * The formulas of `plan` compiled into one loop over a chunk's samples, as evaluated after the
 * run, in the last quarter. A formula that tests a condition after the run (a `firstQuarter` not
 * streamed) is left to runProgram. Null where code cannot be generated.
 */
export function outputsKernel(plan: OutputsKernelPlan): OutputsKernel | null {
  const { recording, quarters } = plan;
  const last = quarters - 1;
  const now = plan.start + last;
  const constants: number[] = [];
  const used = new Set<number>();
  const body: string[] = [];
  const compiled: number[] = [];
  const firsts = recording.streamed.flatMap((steps, o) => steps.map((k) => `${o}:${k}`));
  plan.programs.forEach((program, o) => {
    const read = (slot: string) => {
      const s = recording.index.get(slot) as number;
      used.add(s);
      return `s${s}[i]`;
    };
    const lines = programLines(program, `p${o}`, constants, (step, k) => {
      const at = (quarter: number) => (quarter === CURRENT ? last : quarter);
      switch (step.k) {
        case "time":
          return `k[${constants.push(step.which === "t" ? last : step.which === "now" ? now : Math.floor(now / 4)) - 1}]`;
        case "assumption":
          return read(slotKey("assumption", step.ref, at(step.quarter)));
        case "series": {
          const from = at(step.from);
          const to = at(step.to);
          return read(slotKey("series", step.ref, !step.sum || from === to ? to : from, to));
        }
        case "defaulted":
          return `defaultedAt[${step.entity} * count + i] >= 0 && defaultedAt[${step.entity} * count + i] <= ${last} ? 1 : 0`;
        case "defaultQuarter":
          return `defaultedAt[${step.entity} * count + i] >= 0 ? defaultedAt[${step.entity} * count + i] + 1 : ${quarters + 1}`;
        case "first": {
          const index = firsts.indexOf(`${o}:${k}`);
          return index < 0 ? null : `f${index}[i]`;
        }
        default:
          return null;
      }
    });
    if (lines === null) return;
    compiled.push(o);
    body.push(
      ...lines,
      `o${o}[offset + i] = p${o}_${program.result};`,
      `if (p${o}_${program.result} - p${o}_${program.result} !== 0) bad${o} = 1;`,
    );
  });
  const source = [
    '"use strict";',
    ...[...used].map((s) => `const s${s} = slots[${s}];`),
    ...firsts.map((_, f) => `const f${f} = firsts[${f}];`),
    ...compiled.map((o) => `const o${o} = out[${o}];\nlet bad${o} = 0;`),
    "flags.fill(1);",
    "for (let i = 0; i < count; i++) {",
    ...body,
    "}",
    ...compiled.map((o) => `flags[${o}] = bad${o};`),
  ].join("\n");
  return generate<OutputsKernel>(
    ["slots", "firsts", "defaultedAt", "out", "offset", "count", "flags"],
    source,
    constants,
  );
}
