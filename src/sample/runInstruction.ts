// Executes one column instruction over `len` samples: a tight loop per operation. The loops
// implement exactly the definitions of applyOp (tests compare the two).

import { power } from "../math/power.js";
import type { OpCode } from "../model/ir.js";

/** A resolved operand: an array and the offset of the block's first sample in it. */
export interface View {
  /** The array holding the values. */
  arr: Float64Array;
  /** Offset of the block's first sample. */
  off: number;
}

/** Computes `d[i] = op(a[i], b[i], c[i])` for i in [0, len). Unused operands are ignored. */
export function runInstruction(
  op: OpCode,
  d: Float64Array,
  a: View,
  b: View,
  c: View,
  len: number,
): void {
  const x = a.arr;
  const xo = a.off;
  const y = b.arr;
  const yo = b.off;
  switch (op) {
    case "add":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) + (y[yo + i] as number);
      return;
    case "sub":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) - (y[yo + i] as number);
      return;
    case "mul":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) * (y[yo + i] as number);
      return;
    case "div":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) / (y[yo + i] as number);
      return;
    case "pow":
      for (let i = 0; i < len; i++) d[i] = power(x[xo + i] as number, y[yo + i] as number);
      return;
    case "neg":
      for (let i = 0; i < len; i++) d[i] = -(x[xo + i] as number);
      return;
    case "lt":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) < (y[yo + i] as number) ? 1 : 0;
      return;
    case "le":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) <= (y[yo + i] as number) ? 1 : 0;
      return;
    case "gt":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) > (y[yo + i] as number) ? 1 : 0;
      return;
    case "ge":
      for (let i = 0; i < len; i++) d[i] = (x[xo + i] as number) >= (y[yo + i] as number) ? 1 : 0;
      return;
    case "eq":
      for (let i = 0; i < len; i++) d[i] = x[xo + i] === y[yo + i] ? 1 : 0;
      return;
    case "ne":
      for (let i = 0; i < len; i++) d[i] = x[xo + i] !== y[yo + i] ? 1 : 0;
      return;
    case "min":
      for (let i = 0; i < len; i++) d[i] = Math.min(x[xo + i] as number, y[yo + i] as number);
      return;
    case "max":
      for (let i = 0; i < len; i++) d[i] = Math.max(x[xo + i] as number, y[yo + i] as number);
      return;
    case "abs":
      for (let i = 0; i < len; i++) d[i] = Math.abs(x[xo + i] as number);
      return;
    case "exp":
      for (let i = 0; i < len; i++) d[i] = Math.exp(x[xo + i] as number);
      return;
    case "log":
      for (let i = 0; i < len; i++) d[i] = Math.log(x[xo + i] as number);
      return;
    case "sqrt":
      for (let i = 0; i < len; i++) d[i] = Math.sqrt(x[xo + i] as number);
      return;
    case "clamp": {
      const z = c.arr;
      const zo = c.off;
      for (let i = 0; i < len; i++) {
        d[i] = Math.min(Math.max(x[xo + i] as number, y[yo + i] as number), z[zo + i] as number);
      }
      return;
    }
    case "if": {
      const z = c.arr;
      const zo = c.off;
      for (let i = 0; i < len; i++)
        d[i] = x[xo + i] !== 0 ? (y[yo + i] as number) : (z[zo + i] as number);
      return;
    }
    default:
      op satisfies never;
  }
}
