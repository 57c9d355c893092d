// A whole run of a model without companies as register operations (laneCode.ts), for its kernel
// (wholeRunKernel.ts): each time-varying assumption's program in the first quarter and in the
// later ones, in evaluation order, with runInstruction's operations; the tests of the streamed
// `firstQuarter` conditions, the values of fixed quarters the outputs read, and the outputs
// themselves, with runProgram's operations and its rule that a comparison with a value that is not
// finite is NaN.

import { TIME_VARIABLES } from "../model/ir.js";
import {
  CURRENT,
  type Program as OutputProgram,
  type OutputsPlan,
} from "../outputs/outputsPlan.js";
import type { RecordingPlan } from "../outputs/recordingPlan.js";
import { checkedOperands } from "../outputs/runProgram.js";
import { uncoveredValues } from "../sample/finiteCover.js";
import { type Register, type RegisterOp, registerOp, type Source } from "../sample/laneCode.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
} from "../sample/program.js";

/** What the kernel computes: the model's time-varying assumptions and the declared outputs. */
export interface WholeRunModel {
  readonly program: Program;
  /** The assumptions that read the clock, in evaluation order; the others are read from columns. */
  readonly varying: readonly number[];
  /** The scenario's horizon. */
  readonly quarters: number;
  /** The declared outputs: their formulas, and the assumption each assumption ref names. */
  readonly outputs: Pick<OutputsPlan, "programs" | "assumptions">;
  /**
   * Per output, the indices of its `firstQuarter` steps that can be tested while the run goes
   * (RecordingPlan.streamed); an output with another is beyond the kernel.
   */
  readonly streamed: RecordingPlan["streamed"];
}

/** A value the outputs read in a fixed quarter: register `reg` holds `from`'s in `quarter`. */
export interface Capture {
  readonly reg: Register;
  readonly from: Register;
  readonly quarter: number;
}

/** A streamed condition's test in one quarter, and the register of its result. */
export interface StreamedTest {
  readonly result: Register;
  readonly ops: readonly RegisterOp[];
}

/** The whole run as register operations. */
export interface WholeRunCode {
  /** Registers per sample. */
  readonly registers: number;
  /**
   * The sum of v − v over the values checked: 0 while every one is finite, NaN once one is not;
   * and a temporary.
   */
  readonly acc: Register;
  readonly sum: Register;
  /** The assumptions that do not read the clock and are read: register, and column. */
  readonly reads: readonly { readonly reg: Register; readonly column: number }[];
  /** The time-varying assumptions in the first quarter, and in each later one. */
  readonly firstQuarter: readonly RegisterOp[];
  readonly laterQuarter: readonly RegisterOp[];
  /**
   * The values checked into `acc`: in the first quarter, in each later one, and at the end (the
   * last quarter's that no other covers; finiteCover.ts).
   */
  readonly checks: {
    readonly first: readonly Register[];
    readonly later: readonly Register[];
    readonly last: readonly Register[];
  };
  readonly tests: readonly StreamedTest[];
  /** The values of fixed quarters the outputs read (before the last). */
  readonly captures: readonly Capture[];
  /** The outputs, computed after the last quarter: their operations, and each one's register. */
  readonly outputs: readonly RegisterOp[];
  readonly results: readonly Register[];
}

/** Names to registers, each made on first use. */
function registerFile() {
  const names = new Map<string, Register>();
  return {
    reg(name: string): Register {
      let r = names.get(name);
      if (r === undefined) {
        r = names.size;
        names.set(name, r);
      }
      return r;
    },
    /** The register named `name`, if made. */
    find: (name: string) => names.get(name),
    count: () => names.size,
  };
}

/**
 * The register operations of `model`'s whole run; null when a time-varying assumption draws,
 * or an output reads what the kernel does not compute: a company's series, or a `firstQuarter`
 * that cannot be tested while the run goes (recordingPlan.ts).
 */
export function wholeRunCode(model: WholeRunModel): WholeRunCode | null {
  const { program, varying, quarters: Q, outputs, streamed } = model;
  const { reg, find, count } = registerFile();
  const x = (c: number) => reg(`x${c}`);
  const acc = reg("acc");
  const sum = reg("sum");
  const op = registerOp;
  const constant = (value: number): Source => ({ constant: value });
  const quarter = (firstQuarter: boolean): RegisterOp[] | null => {
    const ops: RegisterOp[] = [];
    for (const index of varying) {
      const p = effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
      switch (p.kind) {
        case "constant":
          ops.push(op("move", x(index), constant(p.value)));
          break;
        case "time":
          ops.push(op("move", x(index), { clock: TIME_VARIABLES.indexOf(p.which) }));
          break;
        case "copy":
          ops.push(op("move", x(index), { reg: x(p.column) }));
          break;
        case "stock":
          ops.push(op("add", x(index), { reg: x(index) }, { reg: x(p.flow) }));
          break;
        case "instructions": {
          const temp = (o: Operand) => (o === p.result ? x(index) : reg(`x${index}_${o}`));
          const source = (o: Operand): Source => {
            if (o < 0) return { reg: x(-o - 1) };
            if (o < TIME_SLOTS) return { clock: o };
            if (o < TIME_SLOTS + program.constants.length)
              return constant(program.constants[o - TIME_SLOTS] as number);
            return { reg: temp(o) };
          };
          for (const ins of p.instructions) {
            if (ins.op === "sample") return null;
            ops.push(op(ins.op, temp(ins.dst), ...ins.args.map(source)));
          }
          if (p.result < TIME_SLOTS + program.constants.length)
            ops.push(op("move", x(index), source(p.result)));
          break;
        }
        case "sample":
          return null;
        default:
          return p satisfies never;
      }
    }
    return ops;
  };
  const firstQuarter = quarter(true);
  const laterQuarter = quarter(false);
  if (firstQuarter === null || laterQuarter === null) return null;
  const ref = (r: number) => x(outputs.assumptions[r] as number);
  const isVarying = new Set(varying);
  /**
   * Appends the operations of `formula`'s steps to `ops`, registers named `${name}_${step}`,
   * and returns its result; `leaf` gives the source of a step that reads a value, or null.
   */
  const lower = (
    formula: OutputProgram,
    name: string,
    ops: RegisterOp[],
    leaf: (step: OutputProgram["steps"][number], k: number) => Source | null,
  ): Source | null => {
    const steps: Source[] = [];
    const t = (suffix: string) => reg(`${name}_${suffix}`);
    for (const [k, step] of formula.steps.entries()) {
      if (step.k === "const") steps.push(constant(step.value));
      else if (step.k === "time") steps.push({ clock: TIME_VARIABLES.indexOf(step.which) });
      else if (step.k === "op") {
        const d = t(String(k));
        ops.push(op(step.op, d, ...step.args.map((a) => steps[a] as Source)));
        for (const c of checkedOperands(step, formula)) {
          const v = steps[c] as Source;
          ops.push(op("sub", t("check"), v, v));
          ops.push(op("eq", t("finite"), { reg: t("check") }, constant(0)));
          ops.push(op("if", d, { reg: t("finite") }, { reg: d }, constant(Number.NaN)));
        }
        steps.push({ reg: d });
      } else {
        const found = leaf(step, k);
        if (found === null) return null;
        steps.push(found);
      }
    }
    return steps[formula.result] as Source;
  };
  const tests: StreamedTest[] = [];
  const firsts = new Map<string, Register>();
  for (const [o, steps] of streamed.entries())
    for (const k of steps) {
      const step = (outputs.programs[o] as OutputProgram).steps[k];
      if (step?.k !== "first") throw new Error(`step ${k} of output ${o} is not firstQuarter`);
      const f = tests.length;
      const ops: RegisterOp[] = [];
      const v = lower(step.body, `f${f}`, ops, (leaf) =>
        leaf.k === "assumption" && leaf.quarter === CURRENT ? { reg: ref(leaf.ref) } : null,
      );
      if (v === null) return null;
      const result = reg(`first${f}`);
      const r = (name: string): Source => ({ reg: reg(`f${f}_${name}`) });
      const d = (name: string) => reg(`f${f}_${name}`);
      // A condition that is not finite in a sample still open makes the check fail, and the run
      // give way: a sample meets the condition where it is not 0 (and finite) while open.
      ops.push(
        op("eq", d("open"), { reg: result }, constant(Q + 1)),
        op("ne", d("met"), v, constant(0)),
        op("mul", d("met"), r("met"), r("open")),
        op("sub", d("check"), v, v),
        op("if", d("open"), r("open"), r("check"), constant(0)),
        op("add", acc, { reg: acc }, r("open")),
        op("add", d("next"), { clock: 0 }, constant(1)),
        op("if", result, r("met"), r("next"), { reg: result }),
      );
      tests.push({ result, ops });
      firsts.set(`${o}:${k}`, result);
    }
  const captures = new Map<string, Capture>();
  const final: RegisterOp[] = [];
  const results: Register[] = [];
  for (const [o, program] of outputs.programs.entries()) {
    const result = lower(program, `o${o}`, final, (step, k) => {
      if (step.k === "first") {
        const found = firsts.get(`${o}:${k}`);
        return found === undefined ? null : { reg: found };
      }
      if (step.k !== "assumption") return null;
      const c = outputs.assumptions[step.ref] as number;
      const at = step.quarter === CURRENT ? Q - 1 : step.quarter;
      if (at === Q - 1 || !isVarying.has(c)) return { reg: x(c) };
      const key = `${c}:${at}`;
      let capture = captures.get(key);
      if (capture === undefined) {
        capture = { reg: reg(`at${key}`), from: x(c), quarter: at };
        captures.set(key, capture);
      }
      return { reg: capture.reg };
    });
    if (result === null) return null;
    const out = reg(`out${o}`);
    final.push(op("move", out, result));
    // An output that is not finite makes the check fail: the quarter-by-quarter run traces it.
    final.push(op("sub", sum, { reg: out }, { reg: out }));
    final.push(op("add", acc, { reg: acc }, { reg: sum }));
    results.push(out);
  }
  // The columns to load: those of the assumptions that do not read the clock, where read.
  const used = new Set<Register>();
  for (const o of [
    ...firstQuarter,
    ...laterQuarter,
    ...tests.flatMap((test) => test.ops),
    ...final,
  ])
    for (const a of o.args) if ("reg" in a) used.add(a.reg);
  const reads = program.assumptions.flatMap((_, column) => {
    const r = find(`x${column}`);
    return isVarying.has(column) || r === undefined || !used.has(r) ? [] : [{ reg: r, column }];
  });
  const registers = (checks: number[]) => checks.map(x);
  const last = Q === 1;
  const checks = {
    first: registers(uncoveredValues(program, varying, true, !last)),
    later: registers(uncoveredValues(program, varying, false, true)),
    last: last ? [] : registers(uncoveredValues(program, varying, false, false)),
  };
  return {
    registers: count(),
    acc,
    sum,
    reads,
    firstQuarter,
    laterQuarter,
    checks,
    tests,
    captures: [...captures.values()],
    outputs: final,
    results,
  };
}
