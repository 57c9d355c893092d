// The layout of a compiled kernel's function (wasmKernel.ts): the JavaScript functions it
// imports, its parameters, and its locals, by index.

import { F64, type FunctionImport, I32 } from "../wasm/wasmBinary.js";

/** The JavaScript functions a kernel calls, in the order of their function indices. */
export const IMPORTS: readonly FunctionImport[] = [
  { module: "f", field: "exp", type: { params: [F64], results: [F64] } },
  { module: "f", field: "log", type: { params: [F64], results: [F64] } },
  { module: "f", field: "pow", type: { params: [F64, F64], results: [F64] } },
  { module: "f", field: "bad", type: { params: [I32, I32], results: [] } },
];

/** The imported Math.exp. */
export const EXP = 0;
/** The imported Math.log. */
export const LOG = 1;
/** The imported power (`^`). */
export const POW = 2;
/** The imported bad(k, i): the k-th bad sample of the call is sample i of the block. */
export const BAD = 3;

/** Parameter: the first sample to evaluate. */
export const FROM = 0;
/** Parameter: how many samples to evaluate. */
export const LEN = 1;
/** Parameters: the clock, t, now and year from this index on (TIME_VARIABLES order). */
export const CLOCK = 2;
/** Local: the byte address of the sample at hand (8 per sample; columns add their offsets). */
export const ADDRESS = 5;
/** Local: the byte address where the samples end. */
export const END = 6;
/** Local: the count of bad samples so far, which the function returns. */
export const COUNT = 7;
/** Vector local: the sum the check reads. */
export const VECTOR_SUM = 8;
/** Vector locals: two temporaries holding the arguments of a call, lane by lane. */
export const FIRST_TEMPORARY = 9;
/** Vector locals: the values, from this index on. */
export const FIRST_VECTOR = 11;
