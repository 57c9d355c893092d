// Fused kernels compiled to WebAssembly, for columns that lie in a WebAssembly memory
// (columnMemory.ts). The loop is the JavaScript kernel's (kernelSource.ts): every assumption of an
// order computed in locals with the same IEEE operations in the same order, the finiteness check,
// and the writes, two samples at a time (wasmLanes.ts). WebAssembly reads and writes a column at a
// fixed offset from one address, where V8's code for the JavaScript kernel checks each typed
// array's map, bounds and data pointer again on every access: M2's later-quarter kernel takes 2.1
// ns per sample instead of 8.5. exp, log and pow call the same JavaScript functions as the
// JavaScript kernel, so the bits are the same.

import { power } from "../math/power.js";
import { TIME_VARIABLES } from "../model/ir.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { webAssembly } from "../wasm/platform.js";
import {
  append,
  doubleEncoder,
  type ExportedFunction,
  F64,
  I32,
  moduleBinary,
  sleb,
  uleb,
  V128,
} from "../wasm/wasmBinary.js";
import { EMPTY_BLOCK, OP } from "../wasm/wasmOpcodes.js";
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
import {
  ADDRESS,
  BAD,
  COUNT,
  END,
  FIRST_VECTOR,
  FROM,
  IMPORTS,
  LEN,
  VECTOR_SUM,
} from "./wasmKernelLayout.js";
import { scalarWidth, vectorWidth, type Width } from "./wasmLanes.js";

/** One loop's body, check and writes, the number of locals its values take, and its draws. */
interface LoopCode {
  readonly body: number[];
  readonly check: number[];
  readonly writes: number[];
  readonly values: number;
  readonly draws: KernelDraw[];
}

/**
 * The code of one loop over `order` at `width`, its values in locals from `first` on and the sum
 * the check reads in local `sum`, or null when the order draws inside a formula.
 */
function loopCode(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  offsets: readonly number[],
  width: Width,
  sum: number,
  first: number,
): LoopCode | null {
  const draws: KernelDraw[] = [];
  const locals = new Map<string, number>();
  const local = (name: string): number => {
    let index = locals.get(name);
    if (index === undefined) {
      index = first + locals.size;
      locals.set(name, index);
    }
    return index;
  };
  const computed = new Set<number>();
  const column = (c: number): number[] =>
    computed.has(c) ? [OP.localGet, ...uleb(local(`x${c}`))] : width.load(offsets[c] as number);
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
        set(width.constant(p.value));
        break;
      case "time":
        set(width.clock(TIME_VARIABLES.indexOf(p.which)));
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
        set(width.op("add", [column(index), column(p.flow)]));
        checked.push(x);
        break;
      case "instructions": {
        const operand = (o: Operand): number[] => {
          if (o < 0) return column(-o - 1);
          if (o < TIME_SLOTS) return width.clock(o);
          if (o < TIME_SLOTS + program.constants.length)
            return width.constant(program.constants[o - TIME_SLOTS] as number);
          return [OP.localGet, ...uleb(local(`x${index}_${o}`))];
        };
        for (const ins of p.instructions) {
          if (ins.op === "sample") return null;
          append(body, width.op(ins.op, ins.args.map(operand)));
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
    append(writes, width.store(offsets[index] as number, x));
  }
  // The sum of the checked values, minus itself, is 0 when they are all finite (as kernelSource).
  const [head, ...rest] = checked;
  const check = head === undefined ? [OP.i32Const, ...sleb(1)] : [OP.localGet, ...uleb(head)];
  for (const v of rest) check.push(OP.localGet, ...uleb(v), ...width.op("add", [[], []]));
  if (head !== undefined) append(check, width.finite(sum));
  return { body, check, writes, values: locals.size, draws };
}

/**
 * A loop over the samples from the address on, `width.lanes` at a time while that many remain:
 * each iteration evaluates its samples and writes them, or, when some lane's check fails, lists
 * every one of them as bad.
 */
function loop(width: Width, code: LoopCode): number[] {
  const step = 8 * width.lanes;
  const out = [OP.block, EMPTY_BLOCK, OP.loop, EMPTY_BLOCK, OP.localGet, ADDRESS];
  if (width.lanes > 1) out.push(OP.i32Const, ...sleb(step - 8), OP.i32Add);
  out.push(OP.localGet, END, OP.i32GeU, OP.brIf, 1);
  append(out, code.body);
  append(out, code.check);
  out.push(OP.if, EMPTY_BLOCK);
  append(out, code.writes);
  out.push(OP.else);
  for (let lane = 0; lane < width.lanes; lane++)
    out.push(
      ...[OP.localGet, COUNT, OP.i32Const, ...sleb(lane), OP.i32Add],
      ...[OP.localGet, ADDRESS, OP.i32Const, ...sleb(3), OP.i32ShrU, OP.localGet, FROM],
      ...[OP.i32Sub, OP.i32Const, ...sleb(lane), OP.i32Add, OP.call, ...uleb(BAD)],
    );
  out.push(OP.localGet, COUNT, OP.i32Const, ...sleb(width.lanes), OP.i32Add, OP.localSet, COUNT);
  out.push(OP.end, OP.localGet, ADDRESS, OP.i32Const, ...sleb(step), OP.i32Add);
  out.push(OP.localSet, ADDRESS, OP.br, 0, OP.end, OP.end);
  return out;
}

/**
 * A kernel's function: a loop two samples at a time, then one for the last sample of an odd
 * count; with the draws it reads, or null when the order draws inside a formula.
 */
function kernelFunction(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  offsets: readonly number[],
): { readonly fn: ExportedFunction; readonly draws: KernelDraw[] } | null {
  const double = doubleEncoder();
  const vector = vectorWidth(double);
  const scalar = scalarWidth(double);
  const pairs = loopCode(program, order, firstQuarter, offsets, vector, VECTOR_SUM, FIRST_VECTOR);
  if (pairs === null) return null;
  const sum = FIRST_VECTOR + pairs.values;
  const single = loopCode(program, order, firstQuarter, offsets, scalar, sum, sum + 1);
  if (single === null) return null;
  const code = [
    ...[OP.localGet, FROM, OP.i32Const, ...sleb(3), OP.i32Shl, OP.localSet, ADDRESS],
    ...[OP.localGet, FROM, OP.localGet, LEN, OP.i32Add, OP.i32Const, ...sleb(3), OP.i32Shl],
    ...[OP.localSet, END],
  ];
  append(code, loop(vector, pairs));
  append(code, loop(scalar, single));
  code.push(OP.localGet, COUNT);
  const fn: ExportedFunction = {
    name: "run",
    type: { params: [I32, I32, F64, F64, F64], results: [I32] },
    locals: [
      { count: 3, type: I32 },
      { count: FIRST_VECTOR - VECTOR_SUM + pairs.values, type: V128 },
      { count: 1 + single.values, type: F64 },
    ],
    code,
  };
  return { fn, draws: single.draws };
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
  const bad = new Int32Array(BLOCK_SIZE);
  // An order of draws that cannot overflow computes nothing: the draws go to their columns.
  const programs = order.map((index) =>
    effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter),
  );
  if (programs.every((p) => p.kind === "sample" && !p.checked)) {
    const draws = order.map((column, k) => {
      const p = programs[k] as Extract<AssumptionProgram, { kind: "sample" }>;
      return { dist: p.dist, key: p.key, column, index: -1, standard: false };
    });
    return { order, draws, scratch: [], bad, run: () => 0 };
  }
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

/** Whether assumption `index` draws inside a formula (as of the first quarter when `firstQuarter`). */
function drawsInside(program: Program, index: number, firstQuarter: boolean): boolean {
  const p = effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
  return p.kind === "instructions" && p.instructions.some((ins) => ins.op === "sample");
}

/**
 * The kernels evaluating `order` into the columns of `memory`: each run of assumptions that draw
 * nothing inside a formula compiled to WebAssembly, each run of the others made by `otherwise`
 * (JavaScript kernels, whose draws go to scratch arrays of their own); null where the platform
 * cannot compile WebAssembly or `otherwise` gives null.
 */
export function wasmKernels(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  memory: ColumnMemory,
  otherwise: (segment: readonly number[]) => readonly FusedKernel[] | null,
): FusedKernel[] | null {
  const inside = order.map((index) => drawsInside(program, index, firstQuarter));
  const kernels: FusedKernel[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && inside[end] === inside[start]) end++;
    const segment = order.slice(start, end);
    const made = inside[start]
      ? otherwise(segment)
      : [wasmKernel(program, segment, firstQuarter, memory)].filter((k) => k !== null);
    if (made === null || made.length === 0) return null;
    kernels.push(...made);
    start = end;
  }
  return kernels;
}
