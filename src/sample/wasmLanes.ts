// How a compiled kernel's loop evaluates its samples (wasmKernel.ts): one at a time in doubles,
// or two at a time in f64x2 vectors, whose operations are the f64 operations lane by lane. Each
// width says how to load, store, write a constant or the clock, apply an operation as
// runInstruction does, and check that a sum is finite.

import type { OpCode } from "../model/ir.js";
import { uleb } from "../wasm/wasmBinary.js";
import { ALIGN_F64, ALIGN_V128, OP, SIMD, SIMD_PREFIX } from "../wasm/wasmOpcodes.js";
import { ADDRESS, CLOCK, EXP, FIRST_TEMPORARY, LOG, POW } from "./wasmKernelLayout.js";

const BINARY: Partial<Record<OpCode, readonly [number, number]>> = {
  add: [OP.f64Add, SIMD.f64x2Add],
  sub: [OP.f64Sub, SIMD.f64x2Sub],
  mul: [OP.f64Mul, SIMD.f64x2Mul],
  div: [OP.f64Div, SIMD.f64x2Div],
  min: [OP.f64Min, SIMD.f64x2Min],
  max: [OP.f64Max, SIMD.f64x2Max],
};
const COMPARE: Partial<Record<OpCode, readonly [number, number]>> = {
  lt: [OP.f64Lt, SIMD.f64x2Lt],
  le: [OP.f64Le, SIMD.f64x2Le],
  gt: [OP.f64Gt, SIMD.f64x2Gt],
  ge: [OP.f64Ge, SIMD.f64x2Ge],
  eq: [OP.f64Eq, SIMD.f64x2Eq],
  ne: [OP.f64Ne, SIMD.f64x2Ne],
};
const UNARY: Partial<Record<OpCode, readonly [number, number]>> = {
  neg: [OP.f64Neg, SIMD.f64x2Neg],
  abs: [OP.f64Abs, SIMD.f64x2Abs],
  sqrt: [OP.f64Sqrt, SIMD.f64x2Sqrt],
};
const CALL: Partial<Record<OpCode, number>> = { exp: EXP, log: LOG, pow: POW };

/** A SIMD instruction. */
function simd(code: number): number[] {
  return [SIMD_PREFIX, ...uleb(code)];
}

/** Encodes a double constant's bytes (doubleEncoder). */
export type Double = (value: number) => number[];

/** Both lanes of a vector set to `value`, exactly. */
function vectorConstant(double: Double, value: number): number[] {
  const bytes = double(value);
  return [...simd(SIMD.v128Const), ...bytes, ...bytes];
}

/**
 * How a loop evaluates its samples: one at a time in doubles, or two at a time in vectors, with
 * the same IEEE operation on each lane (WebAssembly's f64x2 operations are its f64 operations,
 * lane by lane).
 */
export interface Width {
  /** Samples per iteration. */
  readonly lanes: 1 | 2;
  /** Code pushing the value(s) at `offset` from the loop's address. */
  load(offset: number): number[];
  /** Code writing local `value` at `offset` from the loop's address. */
  store(offset: number, value: number): number[];
  /** Code pushing a constant (in every lane). */
  constant(value: number): number[];
  /** Code pushing a clock parameter (in every lane). */
  clock(index: number): number[];
  /** The code applying `op` to the values its argument codes push, as runInstruction does. */
  op(op: OpCode, args: readonly (readonly number[])[]): number[];
  /** Code turning the sum of the checked values, on the stack, into 1 when every lane is finite. */
  finite(sum: number): number[];
  /** Code turning the value(s) on the stack into 1 when some lane is not zero (or NaN). */
  some(): number[];
}

/** One sample at a time, in doubles. */
export const scalarWidth = (double: Double): Width => ({
  lanes: 1,
  load: (offset) => [OP.localGet, ADDRESS, OP.f64Load, ALIGN_F64, ...uleb(offset)],
  store: (offset, value) => [
    ...[OP.localGet, ADDRESS, OP.localGet, ...uleb(value)],
    ...[OP.f64Store, ALIGN_F64, ...uleb(offset)],
  ],
  constant: (value) => [OP.f64Const, ...double(value)],
  clock: (index) => [OP.localGet, CLOCK + index],
  op: (op, [a = [], b = [], c = []]) => {
    const binary = BINARY[op];
    if (binary !== undefined) return [...a, ...b, binary[0]];
    const compare = COMPARE[op];
    if (compare !== undefined) return [...a, ...b, compare[0], OP.f64ConvertI32U];
    const unary = UNARY[op];
    if (unary !== undefined) return [...a, unary[0]];
    const call = CALL[op];
    if (call !== undefined) return [...a, ...b, OP.call, ...uleb(call)];
    switch (op) {
      case "clamp":
        return [...a, ...b, OP.f64Max, ...c, OP.f64Min];
      case "if":
        return [...b, ...c, ...a, OP.f64Const, ...double(0), OP.f64Ne, OP.select];
      default:
        throw new Error(`no WebAssembly form for ${op}`);
    }
  },
  finite: (sum) => [
    ...[OP.localTee, ...uleb(sum), OP.localGet, ...uleb(sum), OP.f64Sub],
    ...[OP.f64Const, ...double(0), OP.f64Eq],
  ],
  some: () => [OP.f64Const, ...double(0), OP.f64Ne],
});

/** A call of the imported function `f` on each lane of the vectors in temporaries 0 (and 1). */
function callLanes(f: number, args: 1 | 2): number[] {
  const lane = (k: number) => [
    ...[OP.localGet, FIRST_TEMPORARY, ...simd(SIMD.f64x2ExtractLane), k],
    ...(args === 2 ? [OP.localGet, FIRST_TEMPORARY + 1, ...simd(SIMD.f64x2ExtractLane), k] : []),
    ...[OP.call, ...uleb(f)],
  ];
  return [...lane(0), ...simd(SIMD.f64x2Splat), ...lane(1), ...simd(SIMD.f64x2ReplaceLane), 1];
}

/** Two samples at a time, in vectors. */
export const vectorWidth = (double: Double): Width => ({
  lanes: 2,
  load: (offset) => [OP.localGet, ADDRESS, ...simd(SIMD.v128Load), ALIGN_V128, ...uleb(offset)],
  store: (offset, value) => [
    ...[OP.localGet, ADDRESS, OP.localGet, ...uleb(value)],
    ...[...simd(SIMD.v128Store), ALIGN_V128, ...uleb(offset)],
  ],
  constant: (value) => vectorConstant(double, value),
  clock: (index) => [OP.localGet, CLOCK + index, ...simd(SIMD.f64x2Splat)],
  op: (op, [a = [], b = [], c = []]) => {
    const binary = BINARY[op];
    if (binary !== undefined) return [...a, ...b, ...simd(binary[1])];
    // A comparison's lanes are all ones or all zeros: and-ed with 1.0, they are 1.0 or +0.0.
    const compare = COMPARE[op];
    if (compare !== undefined)
      return [...a, ...b, ...simd(compare[1]), ...vectorConstant(double, 1), ...simd(SIMD.v128And)];
    const unary = UNARY[op];
    if (unary !== undefined) return [...a, ...simd(unary[1])];
    const call = CALL[op];
    if (call !== undefined) {
      const args = op === "pow" ? 2 : 1;
      const spill = [OP.localSet, FIRST_TEMPORARY];
      if (args === 1) return [...a, ...spill, ...callLanes(call, 1)];
      return [...a, ...spill, ...b, OP.localSet, FIRST_TEMPORARY + 1, ...callLanes(call, 2)];
    }
    switch (op) {
      case "clamp":
        return [...a, ...b, ...simd(SIMD.f64x2Max), ...c, ...simd(SIMD.f64x2Min)];
      case "if":
        return [
          ...[...b, ...c, ...a, ...vectorConstant(double, 0), ...simd(SIMD.f64x2Ne)],
          ...simd(SIMD.v128Bitselect),
        ];
      default:
        throw new Error(`no WebAssembly form for ${op}`);
    }
  },
  finite: (sum) => [
    ...[OP.localTee, ...uleb(sum), OP.localGet, ...uleb(sum), ...simd(SIMD.f64x2Sub)],
    ...[...vectorConstant(double, 0), ...simd(SIMD.f64x2Eq), ...simd(SIMD.i64x2AllTrue)],
  ],
  some: () => [...vectorConstant(double, 0), ...simd(SIMD.f64x2Ne), ...simd(SIMD.v128AnyTrue)],
});
