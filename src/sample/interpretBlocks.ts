// The column interpreter: evaluates assumptions over a block of samples by a tight loop per
// instruction (runInstruction) into block-sized slots, then checks each result for values that are
// not finite and traces them to the operation that produced them. It runs where a fused kernel
// cannot be generated (fusedKernel.ts), and defines what the kernels must match bit for bit.

import { sampleInto } from "../dist/index.js";
import { TIME_VARIABLES } from "../model/ir.js";
import { BLOCK_SIZE, streamRng } from "../rng/index.js";
import { type DomainIssues, domainReason } from "./domainIssues.js";
import type { BlockRange } from "./evaluateBlocks.js";
import {
  type AssumptionProgram,
  type Instruction,
  type Operand,
  type Program,
  TIME_SLOTS,
  type ValueProgram,
} from "./program.js";
import { runInstruction, type View } from "./runInstruction.js";

function finite(x: number): boolean {
  return x - x === 0;
}

/** The offset from `from` of the first value of `column[from … from + len − 1]` that is not finite, or −1. */
function firstNonFinite(column: Float64Array, from: number, len: number): number {
  for (let i = 0; i < len; i++) if (!finite(column[from + i] as number)) return i;
  return -1;
}

/**
 * Adds `flow` into `column` over `[from, from + len)` (a stock's growth), and returns the offset
 * of the first sum that is not finite, or −1: one pass for both.
 */
function addFlow(column: Float64Array, flow: Float64Array, from: number, len: number): number {
  let bad = -1;
  for (let i = 0; i < len; i++) {
    const v = (column[from + i] as number) + (flow[from + i] as number);
    column[from + i] = v;
    if (bad < 0 && !finite(v)) bad = i;
  }
  return bad;
}

/**
 * Evaluates `order` for blocks `fromBlock … toBlock − 1` of `range` with the column interpreter:
 * a loop over the block per instruction, into `slots` (block-sized working columns, one per slot
 * of `program`), as evaluateBlocks describes.
 */
export function interpretBlocks(
  program: Program,
  columns: readonly Float64Array[],
  range: BlockRange,
  order: readonly number[],
  issues: DomainIssues,
  slots: readonly Float64Array[],
): void {
  program.constants.forEach((value, i) => {
    (slots[TIME_SLOTS + i] as Float64Array).fill(value);
  });
  const clock = [range.clock.t, range.clock.now, range.clock.year];
  clock.forEach((value, i) => {
    (slots[i] as Float64Array).fill(value);
  });
  const views: View[] = [0, 1, 2].map(() => ({ arr: slots[0] ?? new Float64Array(0), off: 0 }));
  const resolve = (operand: Operand, from: number, view: View): View => {
    if (operand >= 0) {
      view.arr = slots[operand] as Float64Array;
      view.off = 0;
    } else {
      view.arr = columns[-operand - 1] as Float64Array;
      view.off = from;
    }
    return view;
  };
  const valueAt = (operand: Operand, from: number, i: number): number =>
    operand >= 0
      ? ((slots[operand] as Float64Array)[i] as number)
      : ((columns[-operand - 1] as Float64Array)[from + i] as number);

  const trace = (p: AssumptionProgram, from: number, i: number): void => {
    if (p.kind === "stock") {
      const flow = columns[p.flow] as Float64Array;
      // A flow that is not finite was reported when it was evaluated, a quarter before.
      if (finite(flow[from + i] as number))
        issues.add("not-finite", p.at.start, p.at.end, from + i);
      return;
    }
    if (p.kind === "sample") {
      issues.add("not-finite", p.start, p.end, from + i);
      return;
    }
    if (p.kind !== "instructions") return;
    for (const ins of p.instructions) {
      const out = (slots[ins.dst] as Float64Array)[i] as number;
      if (finite(out)) continue;
      const args = ins.op === "sample" ? [] : ins.args.map((a) => valueAt(a, from, i));
      if (args.every(finite)) issues.add(domainReason(ins.op, args), ins.start, ins.end, from + i);
      return;
    }
  };

  /** Fills the block's slice of `column` with `p`; true when the result needs checking. */
  const fill = (
    p: ValueProgram,
    column: Float64Array,
    from: number,
    len: number,
    block: number,
  ) => {
    switch (p.kind) {
      case "constant":
        column.fill(p.value, from, from + len);
        return false;
      case "time":
        column.fill(clock[TIME_VARIABLES.indexOf(p.which)] as number, from, from + len);
        return false;
      case "copy":
        column.set((columns[p.column] as Float64Array).subarray(from, from + len), from);
        return false;
      case "sample":
        sampleInto(p.dist, streamRng(range.seed, p.key, block), column, from, from + len);
        return p.checked;
      case "instructions":
        for (const ins of p.instructions)
          runOne(ins, slots, len, block, range.seed, (o, v) => resolve(o, from, v), views);
        if (p.result >= 0) column.set((slots[p.result] as Float64Array).subarray(0, len), from);
        else column.set((columns[-p.result - 1] as Float64Array).subarray(from, from + len), from);
        return true;
      default:
        return p satisfies never;
    }
  };

  const firstQuarter = range.clock.t === 0;
  for (let block = range.fromBlock; block < range.toBlock; block++) {
    const from = block * BLOCK_SIZE;
    const len = Math.min(BLOCK_SIZE, range.samples - from);
    for (const index of order) {
      const p = program.assumptions[index] as AssumptionProgram;
      const column = columns[index] as Float64Array;
      let bad: number;
      if (p.kind !== "stock") {
        if (!fill(p, column, from, len, block)) continue;
        bad = firstNonFinite(column, from, len);
      } else if (firstQuarter) {
        if (!fill(p.start, column, from, len, block)) continue;
        bad = firstNonFinite(column, from, len);
      } else bad = addFlow(column, columns[p.flow] as Float64Array, from, len);
      if (bad < 0) continue;
      for (let i = bad; i < len; i++) {
        if (!finite(column[from + i] as number))
          trace(p.kind === "stock" && firstQuarter ? p.start : p, from, i);
      }
    }
  }
}

function runOne(
  ins: Instruction,
  slots: readonly Float64Array[],
  len: number,
  block: number,
  seed: number,
  resolve: (operand: Operand, view: View) => View,
  views: readonly View[],
): void {
  const dst = slots[ins.dst] as Float64Array;
  if (ins.op === "sample") {
    sampleInto(ins.dist, streamRng(seed, ins.key, block), dst, 0, len);
    return;
  }
  const [a, b, c] = views as [View, View, View];
  resolve(ins.args[0] as Operand, a);
  if (ins.args.length > 1) resolve(ins.args[1] as Operand, b);
  if (ins.args.length > 2) resolve(ins.args[2] as Operand, c);
  runInstruction(ins.op, dst, a, b, c, len);
}
