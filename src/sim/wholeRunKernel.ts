// A whole Monte Carlo run of a model without companies, compiled to one WebAssembly function: for
// each sample, every quarter's time-varying assumptions in registers (stocks carried from quarter
// to quarter in locals, not columns), the tests of the streamed `firstQuarter` conditions, the
// values of fixed quarters the outputs read, and the outputs, written to their columns
// (wholeRunCode.ts). The operations are the quarter-by-quarter run's, in its order, so the bits
// are the same. Eight samples go through the quarters
// at once, as four vectors of two: a sample's stocks depend on its quarter before, so one sample
// alone would leave the CPU waiting on each division and addition. The function stops at the
// first group with a value that is not finite; the caller then runs the quarters one by one,
// which traces its cause.

import { power } from "../math/power.js";
import type { Model } from "../model/model.js";
import type { OutputsPlan } from "../outputs/outputsPlan.js";
import { recordingPlan } from "../outputs/recordingPlan.js";
import { memoryPages } from "../sample/columnMemory.js";
import { LaneEncoder, type Register, type RegisterOp, registerOp } from "../sample/laneCode.js";
import { compileProgram } from "../sample/program.js";
import {
  ADDRESS,
  CLOCK,
  COUNT,
  END,
  FIRST_VECTOR,
  FROM,
  IMPORTS,
  LEN,
  VECTOR_SUM,
} from "../sample/wasmKernelLayout.js";
import { vectorWidth } from "../sample/wasmLanes.js";
import { ByteWriter } from "../wasm/byteWriter.js";
import { type WasmMemory, webAssembly } from "../wasm/platform.js";
import {
  doubleEncoder,
  type ExportedFunction,
  F64,
  I32,
  moduleBinary,
  sleb,
  V128,
} from "../wasm/wasmBinary.js";
import { EMPTY_BLOCK, OP } from "../wasm/wasmOpcodes.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { timeVaryingOrder } from "./pointValues.js";
import {
  type StreamedTest,
  type WholeRunCode,
  type WholeRunModel,
  wholeRunCode,
} from "./wholeRunCode.js";

/** Where the kernel reads and writes: byte offsets in its memory of rows of a double per sample. */
export interface WholeRunLayout {
  /** Each assumption's column (the kernel reads those that do not read the clock). */
  readonly columns: readonly number[];
  /** Each declared output's column. */
  readonly outputs: readonly number[];
}

/** Runs samples [from, from + len) of the whole run; 1 when it stopped at a non-finite value. */
export type WholeRunKernel = (from: number, len: number) => number;

/** Vectors of two samples side by side. */
const VECTORS = 4;

/** Samples the kernel takes at a time: a run must have at least this many. */
export const WHOLE_RUN_GROUP = 2 * VECTORS;

/**
 * Appends the code of a group of `lanes` lanes of `encoder`'s width through every quarter. While
 * some sample of the group has not met a streamed condition, the quarters go through a loop that
 * tests them; then through one without the tests, whose code in the loop would cost registers.
 */
function emitGroup(
  out: ByteWriter,
  code: WholeRunCode,
  layout: WholeRunLayout,
  model: { readonly start: number; readonly quarters: number },
  encoder: LaneEncoder,
  lanes: number,
): void {
  const { width } = encoder;
  const Q = model.quarters;
  const op = registerOp;
  const each = (ops: readonly RegisterOp[]) => {
    for (const o of ops) for (let k = 0; k < lanes; k++) encoder.op(out, o, k);
  };
  // v − v is 0 for a finite v and NaN otherwise: a sum of those is NaN exactly when some value is
  // not finite (a sum of the values could overflow).
  const check = (values: readonly Register[]) =>
    each(
      values.flatMap((r) => [
        op("sub", code.sum, { reg: r }, { reg: r }),
        op("add", code.acc, { reg: code.acc }, { reg: code.sum }),
      ]),
    );
  const double = doubleEncoder();
  each([op("move", code.acc, { constant: 0 })]);
  each(
    code.reads.map(({ reg, column }) =>
      op("move", reg, { load: layout.columns[column] as number }),
    ),
  );
  each(code.tests.map(({ result }) => op("move", result, { constant: Q + 1 })));
  for (const [i, v] of [0, model.start, Math.floor(model.start / 4)].entries())
    out.append([OP.f64Const, ...double(v), OP.localSet, CLOCK + i]);
  /** Pushes 1 when some lane has a sample that has not met the condition of `test`. */
  const open = (test: StreamedTest) => {
    for (let k = 0; k < lanes; k++) {
      encoder.source(out, { reg: test.result }, k);
      if (k > 0) out.append(width.op("max", [[], []]));
    }
    out.append(width.op("eq", [[], width.constant(Q + 1)]));
    out.append(width.some());
  };
  const tests = () => {
    for (const test of code.tests) {
      open(test);
      out.append([OP.if, EMPTY_BLOCK]);
      each(test.ops);
      out.append([OP.end]);
    }
  };
  /** The values of fixed quarters the outputs read: in quarter 0, or in the counter's. */
  const captures = (dynamic: boolean) => {
    for (const c of code.captures) {
      if (!dynamic) {
        if (c.quarter === 0) each([op("move", c.reg, { reg: c.from })]);
        continue;
      }
      if (c.quarter === 0) continue;
      out.append([
        OP.localGet,
        COUNT,
        OP.i32Const,
        ...sleb(c.quarter),
        OP.i32Eq,
        OP.if,
        EMPTY_BLOCK,
      ]);
      each([op("move", c.reg, { reg: c.from })]);
      out.append([OP.end]);
    }
  };
  /** A later quarter, the counter's: the clock, the assumptions, checks and captures. */
  const quarter = () => {
    const one = [OP.f64Const, ...double(1)];
    out.append([OP.localGet, CLOCK, ...one, OP.f64Add, OP.localSet, CLOCK]);
    out.append([OP.localGet, CLOCK + 1, ...one, OP.f64Add, OP.localSet, CLOCK + 1]);
    out.append([OP.localGet, CLOCK + 1, OP.f64Const, ...double(4), OP.f64Div, OP.f64Floor]);
    out.append([OP.localSet, CLOCK + 2]);
    each(code.laterQuarter);
    check(code.checks.later);
    captures(true);
  };
  const next = () =>
    out.append([OP.localGet, COUNT, OP.i32Const, ...sleb(1), OP.i32Add, OP.localTee, COUNT]);
  each(code.firstQuarter);
  check(code.checks.first);
  captures(false);
  tests();
  if (Q > 1) {
    out.append([OP.i32Const, ...sleb(1), OP.localSet, COUNT]);
    if (code.tests.length > 0) {
      // Quarters with the tests while some sample is open (leaving the block after the last
      // quarter), then without.
      out.append([OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK]);
      quarter();
      tests();
      next();
      out.append([OP.i32Const, ...sleb(Q), OP.i32GeU, OP.brIf, 1]);
      for (const [f, test] of code.tests.entries()) {
        open(test);
        if (f > 0) out.append([OP.i32Or]);
      }
      out.append([OP.brIf, 0, OP.end]);
    }
    out.append([OP.loop, EMPTY_BLOCK]);
    quarter();
    next();
    out.append([OP.i32Const, ...sleb(Q), OP.i32LtU, OP.brIf, 0, OP.end]);
    if (code.tests.length > 0) out.append([OP.end]);
    check(code.checks.last);
  }
  each(code.outputs);
  for (let k = 0; k < lanes; k++) {
    encoder.source(out, { reg: code.acc }, k);
    out.append(width.finite(encoder.local(code.sum, k)));
    out.append([OP.i32Eqz, OP.if, EMPTY_BLOCK, OP.i32Const, ...sleb(1), OP.return, OP.end]);
  }
  for (const [o, result] of code.results.entries())
    for (let k = 0; k < lanes; k++) encoder.store(out, layout.outputs[o] as number, result, k);
}

/**
 * Appends a loop over the samples from the address on, `samples` at a time, `body` taking each
 * group through every quarter. When fewer are left, the last group ends with them: it takes some
 * samples of the group before again, which it computes and writes again, the same.
 */
function emitLoop(out: ByteWriter, samples: number, body: () => void): void {
  const step = 8 * samples;
  out.append([OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK]);
  out.append([OP.localGet, ADDRESS, OP.localGet, END, OP.i32GeU, OP.brIf, 1]);
  out.append([OP.localGet, ADDRESS, OP.i32Const, ...sleb(step - 8), OP.i32Add]);
  out.append([OP.localGet, END, OP.i32GeU, OP.if, EMPTY_BLOCK]);
  out.append([OP.localGet, END, OP.i32Const, ...sleb(step), OP.i32Sub, OP.localSet, ADDRESS]);
  out.append([OP.end]);
  body();
  out.append([OP.localGet, ADDRESS, OP.i32Const, ...sleb(step), OP.i32Add, OP.localSet, ADDRESS]);
  out.append([OP.br, 0, OP.end, OP.end]);
}

/** The whole run of `model`, laid out as `layout`, in quarter `start` on: the kernel's function. */
function wholeRunFunction(
  model: WholeRunModel & { readonly start: number },
  layout: WholeRunLayout,
): ExportedFunction | null {
  const code = wholeRunCode(model);
  if (code === null) return null;
  const vectors = new LaneEncoder(vectorWidth(doubleEncoder()), FIRST_VECTOR, code.registers);
  const out = new ByteWriter();
  out.append([OP.localGet, FROM, OP.i32Const, ...sleb(3), OP.i32Shl, OP.localSet, ADDRESS]);
  out.append([OP.localGet, FROM, OP.localGet, LEN, OP.i32Add, OP.i32Const, ...sleb(3), OP.i32Shl]);
  out.append([OP.localSet, END]);
  emitLoop(out, WHOLE_RUN_GROUP, () => emitGroup(out, code, layout, model, vectors, VECTORS));
  out.append([OP.i32Const, ...sleb(0)]);
  return {
    name: "run",
    type: { params: [I32, I32], results: [I32] },
    locals: [
      { count: 3, type: F64 },
      { count: 3, type: I32 },
      { count: FIRST_VECTOR - VECTOR_SUM + VECTORS * code.registers, type: V128 },
    ],
    code: out.bytes(),
  };
}

/** What a job says of its run, for wholeRunModule. */
export interface WholeRunJob {
  readonly model: Model;
  readonly system: Pick<CompiledSystem, "entities" | "start" | "quarters">;
  readonly outputs: Pick<OutputsPlan, "programs" | "assumptions" | "quarters">;
  readonly samples: number;
  readonly kernels: boolean;
  readonly keepTrajectories: boolean;
}

/**
 * The module of the whole run of `job` (wholeRun.ts), for a memory (shared across threads when
 * `shared`) of its assumptions' columns followed by its outputs', one row of `job.samples` doubles
 * each (allocateBuffers with the outputs in memory); null when the job has companies, keeps
 * trajectories, runs no kernels or has fewer samples than a group, or its model or outputs are
 * beyond the kernel (wholeRunCode).
 */
export function wholeRunModule(job: WholeRunJob, shared = false): Uint8Array | null {
  const { model, system, samples: n } = job;
  if (!job.kernels || job.keepTrajectories || system.entities.length > 0) return null;
  if (n < WHOLE_RUN_GROUP) return null;
  const count = model.assumptions.length;
  const rows = count + job.outputs.programs.length;
  const pages = memoryPages(rows, n);
  if (pages === null) return null;
  const row = (k: number) => 8 * k * n;
  const fn = wholeRunFunction(
    {
      program: compileProgram(model),
      varying: timeVaryingOrder(model),
      start: system.start,
      quarters: system.quarters,
      outputs: job.outputs,
      streamed: recordingPlan(job.outputs).streamed,
    },
    {
      columns: model.assumptions.map((_, k) => row(k)),
      outputs: job.outputs.programs.map((_, o) => row(count + o)),
    },
  );
  if (fn === null) return null;
  return moduleBinary({
    functions: IMPORTS,
    memory: { module: "m", field: "memory", pages, shared },
    exported: fn,
  });
}

/**
 * The whole-run kernel of module `bytes` (wholeRunModule) over `memory`, instantiated; null where
 * the platform cannot compile WebAssembly or the memory is not the module's.
 */
export function wholeRunKernel(bytes: Uint8Array, memory: WasmMemory): WholeRunKernel | null {
  const api = webAssembly();
  if (api === null) return null;
  const functions = { exp: Math.exp, log: Math.log, pow: power, bad: () => {} };
  try {
    const instance = new api.Instance(new api.Module(bytes), { f: functions, m: { memory } });
    return instance.exports.run as WholeRunKernel;
  } catch {
    return null;
  }
}
