// A whole run of a model without companies as register operations (laneCode.ts), for its kernel
// (wholeRunKernel.ts): each time-varying assumption's program in the first quarter and in the
// later ones, in evaluation order, with runInstruction's operations; the values the declared
// outputs record; and the tests of the streamed `firstQuarter` conditions, with runProgram's
// rule that a comparison with a value that is not finite is NaN.

import { type OpCode, TIME_VARIABLES } from "../model/ir.js";
import {
  CURRENT,
  type Program as OutputProgram,
  type OutputsPlan,
} from "../outputs/outputsPlan.js";
import type { RecordingPlan } from "../outputs/recordingPlan.js";
import { checkedOperands } from "../outputs/runProgram.js";
import { uncoveredValues } from "../sample/finiteCover.js";
import type { Register, RegisterOp, Source } from "../sample/laneCode.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
} from "../sample/program.js";

/** What the kernel computes: the model's time-varying assumptions and the outputs' records. */
export interface WholeRunModel {
  readonly program: Program;
  /** The assumptions that read the clock, in evaluation order; the others are read from columns. */
  readonly varying: readonly number[];
  /** The scenario's horizon. */
  readonly quarters: number;
  /** The declared outputs: their formulas, and the assumption each assumption ref names. */
  readonly outputs: Pick<OutputsPlan, "programs" | "assumptions">;
  /** What the outputs record (recordingPlan.ts). */
  readonly recording: RecordingPlan;
}

/** A recorded value: slot `slot` holds register `reg` in quarter `from`, summed up to `to`. */
export interface SlotWrite {
  readonly slot: number;
  readonly reg: Register;
  readonly from: number;
  readonly to: number;
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
  /** The sum whose finiteness is checked, and a temporary. */
  readonly acc: Register;
  readonly sum: Register;
  /** The assumptions that do not read the clock and are read: register, and column. */
  readonly reads: readonly { readonly reg: Register; readonly column: number }[];
  /** The time-varying assumptions in the first quarter, and in each later one. */
  readonly firstQuarter: readonly RegisterOp[];
  readonly laterQuarter: readonly RegisterOp[];
  /**
   * The values added into `acc`: in the first quarter, in each later one, and at the end (the
   * last quarter's that no other covers; finiteCover.ts).
   */
  readonly checks: {
    readonly first: readonly Register[];
    readonly later: readonly Register[];
    readonly last: readonly Register[];
  };
  readonly writes: readonly SlotWrite[];
  readonly tests: readonly StreamedTest[];
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

/** The streamed conditions, in RecordingPlan.streamed's order. */
function streamedBodies(model: WholeRunModel): OutputProgram[] {
  return model.recording.streamed.flatMap((steps, o) =>
    steps.map((k) => {
      const step = (model.outputs.programs[o] as OutputProgram).steps[k];
      if (step?.k !== "first") throw new Error(`step ${k} of output ${o} is not firstQuarter`);
      return step.body;
    }),
  );
}

/**
 * The register operations of `model`'s whole run; null when a time-varying assumption draws,
 * or an output records or tests what the kernel does not compute (a company's series).
 */
export function wholeRunCode(model: WholeRunModel): WholeRunCode | null {
  const { program, varying, quarters: Q, outputs, recording } = model;
  const { reg, find, count } = registerFile();
  const x = (c: number) => reg(`x${c}`);
  const acc = reg("acc");
  const sum = reg("sum");
  const op = (o: OpCode | "move", dst: Register, ...args: Source[]): RegisterOp => ({
    op: o,
    dst,
    args,
  });
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
  const writes: SlotWrite[] = [];
  for (const [slot, s] of recording.slots.entries()) {
    if (s.from < 0) continue;
    if (s.source !== "assumption") return null;
    writes.push({ slot, reg: ref(s.ref), from: s.from, to: s.to });
  }
  const tests: StreamedTest[] = [];
  for (const [f, body] of streamedBodies(model).entries()) {
    const ops: RegisterOp[] = [];
    const t = (name: string) => reg(`f${f}_${name}`);
    const steps: Source[] = [];
    for (const [j, step] of body.steps.entries()) {
      if (step.k === "const") steps.push(constant(step.value));
      else if (step.k === "time") steps.push({ clock: TIME_VARIABLES.indexOf(step.which) });
      else if (step.k === "assumption" && step.quarter === CURRENT)
        steps.push({ reg: ref(step.ref) });
      else if (step.k === "op") {
        const d = t(String(j));
        ops.push(op(step.op, d, ...step.args.map((a) => steps[a] as Source)));
        for (const c of checkedOperands(step, body)) {
          const v = steps[c] as Source;
          ops.push(op("sub", t("check"), v, v));
          ops.push(op("eq", t("finite"), { reg: t("check") }, constant(0)));
          ops.push(op("if", d, { reg: t("finite") }, { reg: d }, constant(Number.NaN)));
        }
        steps.push({ reg: d });
      } else return null;
    }
    const v = steps[body.result] as Source;
    const result = reg(`first${f}`);
    const r = (name: string): Source => ({ reg: t(name) });
    // A condition that is not finite in a sample still open makes the check fail, and the run
    // give way: a sample meets the condition where it is not 0 (and finite) while open.
    ops.push(
      op("eq", t("open"), { reg: result }, constant(Q + 1)),
      op("ne", t("met"), v, constant(0)),
      op("mul", t("met"), r("met"), r("open")),
      op("if", t("open"), r("open"), v, constant(0)),
      op("add", acc, { reg: acc }, r("open")),
      op("add", t("next"), { clock: 0 }, constant(1)),
      op("if", result, r("met"), r("next"), { reg: result }),
    );
    tests.push({ result, ops });
  }
  // The columns to load: those of the assumptions that do not read the clock, where read.
  const used = new Set<Register>();
  for (const o of [...firstQuarter, ...laterQuarter, ...tests.flatMap((test) => test.ops)])
    for (const a of o.args) if ("reg" in a) used.add(a.reg);
  for (const w of writes) used.add(w.reg);
  const isVarying = new Set(varying);
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
    writes,
    tests,
  };
}
