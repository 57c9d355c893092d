// Evaluates every assumption for a range of sample blocks, writing into the sample columns.
// Block b covers samples [b·BLOCK_SIZE, (b+1)·BLOCK_SIZE) and draws from its own random
// streams, so any split of the blocks (threads, machines) gives the same bits.

import { sampleInto } from "../dist/index.js";
import { type OpCode, TIME_VARIABLES } from "../model/ir.js";
import { BLOCK_SIZE, normalWords, streamRng } from "../rng/index.js";
import type { DomainIssues, DomainReason } from "./domainIssues.js";
import {
  type AssumptionProgram,
  type Instruction,
  type Operand,
  type Program,
  TIME_SLOTS,
  type ValueProgram,
} from "./program.js";
import { runInstruction, type View } from "./runInstruction.js";

/** What a range of blocks is evaluated with. */
export interface BlockRange {
  /** Total number of samples of the run. */
  readonly samples: number;
  /** Seed of the run. */
  readonly seed: number;
  /** First block to evaluate. */
  readonly fromBlock: number;
  /** Block just past the last to evaluate. */
  readonly toBlock: number;
  /**
   * The quarter the clock variables read. Quarters must be evaluated in order 0, 1, 2, … (quarter
   * 0 may be evaluated more than once): a stock in quarter t > 0 adds its flow as evaluated in
   * quarter t − 1 to its own value in quarter t − 1.
   */
  readonly clock: Clock;
  /** The assumptions to evaluate, in order (default: all, in the program's order). */
  readonly order?: readonly number[];
}

/** Values of the clock variables for one quarter. */
export interface Clock {
  /** Quarters since the scenario's start (0 in the first quarter). */
  readonly t: number;
  /** Index of the quarter (year × 4 + quarter − 1). */
  readonly now: number;
  /** Calendar year. */
  readonly year: number;
}

/** Working columns of one block for `program` (pass them to evaluateBlocks to reuse them). */
export function allocateSlots(program: Program): Float64Array[] {
  return Array.from({ length: program.slots }, () => new Float64Array(BLOCK_SIZE));
}

/** The clock of quarter `t` of a scenario starting at quarter index `start`. */
export function clockAt(start: number, t: number): Clock {
  return { t, now: start + t, year: Math.floor((start + t) / 4) };
}

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

function reasonFor(op: OpCode | "sample", args: readonly number[]): DomainReason {
  if (op === "div" && args[1] === 0) return "division-by-zero";
  if (op === "log" && (args[0] as number) <= 0) return "log-domain";
  if (op === "sqrt" && (args[0] as number) < 0) return "sqrt-domain";
  return "not-finite";
}

/**
 * Evaluates blocks `fromBlock … toBlock − 1` of `program` into `columns` (one Float64Array of
 * length `samples` per assumption, indexed by absolute sample number). Non-finite results are
 * traced to the operation that produced them and recorded in `issues`. `slots` is working memory
 * (allocateSlots), allocated per call unless given.
 */
export function evaluateBlocks(
  program: Program,
  columns: readonly Float64Array[],
  range: BlockRange,
  issues: DomainIssues,
  slots: readonly Float64Array[] = allocateSlots(program),
): void {
  program.constants.forEach((value, i) => {
    (slots[TIME_SLOTS + i] as Float64Array).fill(value);
  });
  const clock = [range.clock.t, range.clock.now, range.clock.year];
  clock.forEach((value, i) => {
    (slots[i] as Float64Array).fill(value);
  });
  const words = new Int32Array(normalWords(BLOCK_SIZE));
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
      if (args.every(finite)) issues.add(reasonFor(ins.op, args), ins.start, ins.end, from + i);
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
        sampleInto(p.dist, streamRng(range.seed, p.key, block), column, from, from + len, words);
        return p.checked;
      case "instructions":
        for (const ins of p.instructions)
          runOne(ins, slots, len, block, range.seed, (o, v) => resolve(o, from, v), views, words);
        if (p.result >= 0) column.set((slots[p.result] as Float64Array).subarray(0, len), from);
        else column.set((columns[-p.result - 1] as Float64Array).subarray(from, from + len), from);
        return true;
      default:
        return p satisfies never;
    }
  };

  for (let block = range.fromBlock; block < range.toBlock; block++) {
    const from = block * BLOCK_SIZE;
    const len = Math.min(BLOCK_SIZE, range.samples - from);
    for (const index of range.order ?? program.order) {
      const p = program.assumptions[index] as AssumptionProgram;
      const column = columns[index] as Float64Array;
      let bad: number;
      if (p.kind !== "stock") {
        if (!fill(p, column, from, len, block)) continue;
        bad = firstNonFinite(column, from, len);
      } else if (range.clock.t === 0) {
        if (!fill(p.start, column, from, len, block)) continue;
        bad = firstNonFinite(column, from, len);
      } else bad = addFlow(column, columns[p.flow] as Float64Array, from, len);
      if (bad < 0) continue;
      for (let i = bad; i < len; i++) {
        if (!finite(column[from + i] as number))
          trace(p.kind === "stock" && range.clock.t === 0 ? p.start : p, from, i);
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
  words: Int32Array,
): void {
  const dst = slots[ins.dst] as Float64Array;
  if (ins.op === "sample") {
    sampleInto(ins.dist, streamRng(seed, ins.key, block), dst, 0, len, words);
    return;
  }
  const [a, b, c] = views as [View, View, View];
  resolve(ins.args[0] as Operand, a);
  if (ins.args.length > 1) resolve(ins.args[1] as Operand, b);
  if (ins.args.length > 2) resolve(ins.args[2] as Operand, c);
  runInstruction(ins.op, dst, a, b, c, len);
}
