// The meaning of each operation on one sample. Constant folding uses it directly; the column
// evaluator implements the same definitions as loops (and is tested against this one).

import { power } from "../math/power.js";
import type { OpCode } from "./ir.js";

/**
 * The result of `op` on scalar arguments. Comparisons give 1 or 0; `if(c, a, b)` is `a` when
 * c ≠ 0; `clamp(x, lo, hi)` is min(max(x, lo), hi); `log` is the natural logarithm.
 *
 * Arguments past the operation's arity are ignored.
 *
 * @example applyOp("clamp", 5, 0, 3) // 3
 */
export function applyOp(op: OpCode, x: number, y = 0, z = 0): number {
  switch (op) {
    case "add":
      return x + y;
    case "sub":
      return x - y;
    case "mul":
      return x * y;
    case "div":
      return x / y;
    case "pow":
      return power(x, y);
    case "neg":
      return -x;
    case "lt":
      return x < y ? 1 : 0;
    case "le":
      return x <= y ? 1 : 0;
    case "gt":
      return x > y ? 1 : 0;
    case "ge":
      return x >= y ? 1 : 0;
    case "eq":
      return x === y ? 1 : 0;
    case "ne":
      return x !== y ? 1 : 0;
    case "min":
      return Math.min(x, y);
    case "max":
      return Math.max(x, y);
    case "abs":
      return Math.abs(x);
    case "exp":
      return Math.exp(x);
    case "log":
      return Math.log(x);
    case "sqrt":
      return Math.sqrt(x);
    case "clamp":
      return Math.min(Math.max(x, y), z);
    case "if":
      return x !== 0 ? y : z;
    default:
      return op satisfies never;
  }
}
