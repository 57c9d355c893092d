// Fused kernels compiled to WebAssembly, for columns that lie in a WebAssembly memory
// (columnMemory.ts). The loop is the JavaScript kernel's (kernelSource.ts): every assumption of an
// order computed in locals with the same IEEE operations in the same order, the finiteness check,
// and the writes. WebAssembly reads and writes a column at a fixed offset from one address, where
// V8's code for the JavaScript kernel checks each typed array's map, bounds and data pointer again
// on every access: M2's later-quarter kernel takes 2.5 ns per sample instead of 8.5. exp, log and
// pow call the same JavaScript functions as the JavaScript kernel, so the bits are the same.

import { power } from "../math/power.js";
import { type OpCode, TIME_VARIABLES } from "../model/ir.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { webAssembly } from "../wasm/platform.js";
import {
  append,
  type ExportedFunction,
  F64,
  type FunctionImport,
  float64,
  I32,
  moduleBinary,
  sleb,
  uleb,
} from "../wasm/wasmBinary.js";
import { ALIGN_F64, EMPTY_BLOCK, OP } from "../wasm/wasmOpcodes.js";
import type { ColumnMemory } from "./columnMemory.js";
import type { FusedKernel } from "./fusedKernel.js";
import type { KernelDraw } from "./kernelSource.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
} from "./program.js";

/** The JavaScript functions a kernel calls, in the order of their function indices. */
const IMPORTS: readonly FunctionImport[] = [
  { module: "f", field: "exp", type: { params: [F64], results: [F64] } },
  { module: "f", field: "log", type: { params: [F64], results: [F64] } },
  { module: "f", field: "pow", type: { params: [F64, F64], results: [F64] } },
  { module: "f", field: "bad", type: { params: [I32, I32], results: [] } },
];
const EXP = 0;
const LOG = 1;
const POW = 2;
const BAD = 3;

/** Parameters (from, len, t, now, year) and the integer locals that follow them. */
const FROM = 0;
const LEN = 1;
const CLOCK = 2;
const ADDRESS = 5;
const END = 6;
const COUNT = 7;
/** The double locals: the sum the check reads, then the values. */
const SUM = 8;
const FIRST_VALUE = 9;

const BINARY: Partial<Record<OpCode, number>> = {
  add: OP.f64Add,
  sub: OP.f64Sub,
  mul: OP.f64Mul,
  div: OP.f64Div,
  min: OP.f64Min,
  max: OP.f64Max,
};
const COMPARE: Partial<Record<OpCode, number>> = {
  lt: OP.f64Lt,
  le: OP.f64Le,
  gt: OP.f64Gt,
  ge: OP.f64Ge,
  eq: OP.f64Eq,
  ne: OP.f64Ne,
};
const UNARY: Partial<Record<OpCode, number>> = {
  neg: OP.f64Neg,
  abs: OP.f64Abs,
  sqrt: OP.f64Sqrt,
};
const CALL: Partial<Record<OpCode, number>> = { exp: EXP, log: LOG, pow: POW };

/** The code applying `op` to the values its argument codes push, as runInstruction does. */
function opCode(op: OpCode, [a = [], b = [], c = []]: readonly (readonly number[])[]): number[] {
  const binary = BINARY[op];
  if (binary !== undefined) return [...a, ...b, binary];
  const compare = COMPARE[op];
  if (compare !== undefined) return [...a, ...b, compare, OP.f64ConvertI32U];
  const unary = UNARY[op];
  if (unary !== undefined) return [...a, unary];
  const call = CALL[op];
  if (call !== undefined) return [...a, ...b, OP.call, ...uleb(call)];
  switch (op) {
    case "clamp":
      return [...a, ...b, OP.f64Max, ...c, OP.f64Min];
    case "if":
      return [...b, ...c, ...a, OP.f64Const, ...float64(0), OP.f64Ne, OP.select];
    default:
      throw new Error(`no WebAssembly form for ${op}`);
  }
}

/** A kernel's function and the draws it reads, or null when the order draws inside a formula. */
function kernelFunction(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  offsets: readonly number[],
): { readonly fn: ExportedFunction; readonly draws: KernelDraw[] } | null {
  const draws: KernelDraw[] = [];
  const locals = new Map<string, number>();
  const local = (name: string): number => {
    let index = locals.get(name);
    if (index === undefined) {
      index = FIRST_VALUE + locals.size;
      locals.set(name, index);
    }
    return index;
  };
  const computed = new Set<number>();
  const column = (c: number): number[] =>
    computed.has(c)
      ? [OP.localGet, ...uleb(local(`x${c}`))]
      : [OP.localGet, ADDRESS, OP.f64Load, ALIGN_F64, ...uleb(offsets[c] as number)];
  const body: number[] = [];
  const checked: number[] = [];
  const writes: number[] = [];
  for (const index of order) {
    const p = effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
    const x = local(`x${index}`);
    const set = (code: readonly number[]) => {
      append(body, code);
      body.push(OP.localSet, ...uleb(x));
    };
    switch (p.kind) {
      case "constant":
        set([OP.f64Const, ...float64(p.value)]);
        break;
      case "time":
        set([OP.localGet, CLOCK + TIME_VARIABLES.indexOf(p.which)]);
        break;
      case "copy":
        set(column(p.column));
        break;
      case "sample":
        draws.push({ dist: p.dist, key: p.key, column: index, index: -1, standard: false });
        if (!p.checked) continue;
        set(column(index));
        checked.push(x);
        computed.add(index);
        continue;
      case "stock":
        set([...column(index), ...column(p.flow), OP.f64Add]);
        checked.push(x);
        break;
      case "instructions": {
        const operand = (o: Operand): number[] => {
          if (o < 0) return column(-o - 1);
          if (o < TIME_SLOTS) return [OP.localGet, CLOCK + o];
          if (o < TIME_SLOTS + program.constants.length)
            return [OP.f64Const, ...float64(program.constants[o - TIME_SLOTS] as number)];
          return [OP.localGet, ...uleb(local(`x${index}_${o}`))];
        };
        for (const ins of p.instructions) {
          if (ins.op === "sample") return null;
          append(body, opCode(ins.op, ins.args.map(operand)));
          body.push(OP.localSet, ...uleb(local(`x${index}_${ins.dst}`)));
        }
        set(operand(p.result));
        checked.push(x);
        break;
      }
      default:
        p satisfies never;
    }
    computed.add(index);
    writes.push(OP.localGet, ADDRESS, OP.localGet, ...uleb(x));
    writes.push(OP.f64Store, ALIGN_F64, ...uleb(offsets[index] as number));
  }
  // The sum of the checked values, minus itself, is 0 when they are all finite (as kernelSource).
  const [first, ...rest] = checked;
  const check = first === undefined ? [OP.i32Const, ...sleb(1)] : [OP.localGet, ...uleb(first)];
  for (const v of rest) check.push(OP.localGet, ...uleb(v), OP.f64Add);
  if (first !== undefined)
    check.push(OP.localTee, SUM, OP.localGet, SUM, OP.f64Sub, OP.f64Const, ...float64(0), OP.f64Eq);
  const markBad = [
    ...[OP.localGet, COUNT, OP.localGet, ADDRESS, OP.i32Const, ...sleb(3), OP.i32ShrU],
    ...[OP.localGet, FROM, OP.i32Sub, OP.call, ...uleb(BAD)],
    ...[OP.localGet, COUNT, OP.i32Const, ...sleb(1), OP.i32Add, OP.localSet, COUNT],
  ];
  const code = [
    ...[OP.localGet, FROM, OP.i32Const, ...sleb(3), OP.i32Shl, OP.localSet, ADDRESS],
    ...[OP.localGet, FROM, OP.localGet, LEN, OP.i32Add, OP.i32Const, ...sleb(3), OP.i32Shl],
    ...[OP.localSet, END, OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK],
    ...[OP.localGet, ADDRESS, OP.localGet, END, OP.i32GeU, OP.brIf, 1],
  ];
  append(code, body);
  append(code, check);
  code.push(OP.if, EMPTY_BLOCK);
  append(code, writes);
  code.push(OP.else, ...markBad, OP.end);
  code.push(OP.localGet, ADDRESS, OP.i32Const, ...sleb(8), OP.i32Add, OP.localSet, ADDRESS);
  code.push(OP.br, 0, OP.end, OP.end, OP.localGet, COUNT);
  const fn: ExportedFunction = {
    name: "run",
    type: { params: [I32, I32, F64, F64, F64], results: [I32] },
    locals: [
      { count: 3, type: I32 },
      { count: 1 + locals.size, type: F64 },
    ],
    code,
  };
  return { fn, draws };
}

/**
 * The kernel evaluating `order` (in the first quarter when `firstQuarter`) into the columns of
 * `memory`, compiled to WebAssembly; null when the order draws inside a formula (the draws would
 * need memory of their own) or where the platform cannot compile it. Its `run` ignores the columns
 * it is given and writes those of `memory`: evaluateBlocks uses it for those columns only.
 */
export function wasmKernel(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  memory: ColumnMemory,
): FusedKernel | null {
  const api = webAssembly();
  if (api === null) return null;
  const offsets = memory.columns.map((c) => c.byteOffset);
  const made = kernelFunction(program, order, firstQuarter, offsets);
  if (made === null) return null;
  const { buffer } = memory.memory;
  const shared = typeof SharedArrayBuffer !== "undefined" && buffer instanceof SharedArrayBuffer;
  const bytes = moduleBinary({
    functions: IMPORTS,
    memory: { module: "m", field: "memory", pages: buffer.byteLength / 65536, shared },
    exported: made.fn,
  });
  const bad = new Int32Array(BLOCK_SIZE);
  const functions = {
    exp: Math.exp,
    log: Math.log,
    pow: power,
    bad: (k: number, i: number) => {
      bad[k] = i;
    },
  };
  let run: (from: number, len: number, t: number, now: number, year: number) => number;
  try {
    const instance = new api.Instance(new api.Module(bytes), {
      f: functions,
      m: { memory: memory.memory },
    });
    run = instance.exports.run as typeof run;
  } catch {
    return null;
  }
  return {
    order,
    draws: made.draws,
    scratch: [],
    bad,
    run: (_columns, from, len, t, now, year) => run(from, len, t, now, year),
  };
}
