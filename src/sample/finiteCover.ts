// Which checked values a kernel that keeps every quarter in its locals (wholeRunKernel.ts) must
// add to its finiteness check, and which a later value covers. A value that is not finite makes
// some operations' results not finite too: a sum, difference or product with it, a quotient of
// it, its negation, absolute value, square root or logarithm. When a later checked value is such
// a result (in the same quarter, or a stock in the next one, which adds this quarter's value and
// flow), its check covers this one; the values of the last quarter that nothing covers end the
// chain.

import type { OpCode } from "../model/ir.js";
import { type AssumptionProgram, effectiveProgram, type Operand, type Program } from "./program.js";

/** The arguments whose value, when not finite, makes the operation's result not finite. */
const PROPAGATES: Partial<Record<OpCode, readonly number[]>> = {
  add: [0, 1],
  sub: [0, 1],
  mul: [0, 1],
  div: [0],
  neg: [0],
  abs: [0],
  sqrt: [0],
  log: [0],
};

/** The program of assumption `index` in a quarter of the kind `firstQuarter`. */
function programOf(program: Program, index: number, firstQuarter: boolean) {
  return effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
}

/**
 * The assumptions of `order` whose value in a quarter of the kind `firstQuarter` is checked (a
 * stock's, a formula's) and covered by no later checked value: in the same quarter, or, when
 * `next`, in the quarter after it (of the later kind). A kernel that checks these in every
 * quarter, and those of its last quarter with `next` false, sees every value that is not finite.
 */
export function uncoveredValues(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  next: boolean,
): number[] {
  const position = new Map(order.map((index, k) => [index, k]));
  const covered = new Set<number>();
  /** Covers `c`'s value in this quarter, and the value it copies when it is a copy. */
  const cover = (c: number, before: number) => {
    const at = position.get(c);
    if (at === undefined || at >= before || covered.has(c)) return;
    covered.add(c);
    const p = programOf(program, c, firstQuarter);
    if (p.kind === "copy") cover(p.column, at);
  };
  for (const index of order) {
    const p = programOf(program, index, firstQuarter);
    if (p.kind !== "instructions") continue;
    const at = position.get(index) as number;
    const byDst = new Map(p.instructions.map((ins) => [ins.dst, ins]));
    const reach = (o: Operand) => {
      if (o < 0) {
        cover(-o - 1, at);
        return;
      }
      const ins = byDst.get(o);
      if (ins === undefined || ins.op === "sample") return;
      for (const a of PROPAGATES[ins.op] ?? []) reach(ins.args[a] as Operand);
    };
    reach(p.result);
  }
  if (next)
    for (const index of order) {
      const later = programOf(program, index, false);
      if (later.kind !== "stock") continue;
      cover(index, order.length);
      cover(later.flow, order.length);
    }
  return order.filter((index) => {
    const p = programOf(program, index, firstQuarter);
    return (p.kind === "stock" || p.kind === "instructions") && !covered.has(index);
  });
}
