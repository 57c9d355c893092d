// Turns each assumption's compiled tree into a flat list of column instructions, so that a block
// of samples is evaluated by a few tight loops over Float64Array slots.

import type { Distribution } from "../dist/distribution.js";
import { finiteDraws } from "../dist/index.js";
import { type IrNode, type OpCode, TIME_VARIABLES, type TimeVariable } from "../model/ir.js";
import type { Model } from "../model/model.js";

/**
 * Where an instruction reads from: `slot ≥ 0` is scratch slot `slot`; `-(c + 1)` is column `c`
 * (another assumption's samples, at the block's offset).
 */
export type Operand = number;

/** One instruction: apply `op` to `args` (or draw from `dist`) into scratch slot `dst`. */
export type Instruction =
  | {
      readonly op: OpCode;
      readonly dst: number;
      readonly args: readonly Operand[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly op: "sample";
      readonly dst: number;
      readonly dist: Distribution;
      readonly key: string;
      readonly start: number;
      readonly end: number;
    };

/** How a value's column is produced (an assumption's, or a stock's in its first quarter). */
export type ValueProgram =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "copy"; readonly column: number }
  | { readonly kind: "time"; readonly which: TimeVariable }
  | {
      readonly kind: "sample";
      readonly dist: Distribution;
      /** Whether the draws can overflow and so need the finiteness check (see finiteDraws). */
      readonly checked: boolean;
      readonly key: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: "instructions";
      readonly instructions: readonly Instruction[];
      readonly result: Operand;
    };

/**
 * How an assumption's column is produced. A stock's column is its start value in quarter 0 and,
 * in each later quarter, grows by its flow's column, which still holds the quarter before's flow
 * (the stock comes before its flow in the evaluation order).
 */
export type AssumptionProgram =
  | ValueProgram
  | {
      readonly kind: "stock";
      /** The start value, evaluated in quarter 0 (its random draws are keyed by the stock's name). */
      readonly start: ValueProgram;
      /** Column of the flow. */
      readonly flow: number;
      /** Where a value that overflows is reported: the flow's formula, else the start value's. */
      readonly at: { readonly start: number; readonly end: number };
    };

/** The programs of every assumption, and the scratch space they need. */
export interface Program {
  /** One per assumption, in file order. */
  readonly assumptions: readonly AssumptionProgram[];
  /** Evaluation order (indices into `assumptions`). */
  readonly order: readonly number[];
  /** Values of the constant slots, which follow the clock's slots (see TIME_SLOTS). */
  readonly constants: readonly number[];
  /** Total number of scratch slots (clock, constants, then per-assumption instruction slots). */
  readonly slots: number;
}

/** Slots 0, 1, 2 hold the clock variables t, now and year (in TIME_VARIABLES order). */
export const TIME_SLOTS = TIME_VARIABLES.length;

/** The column operand for assumption `c`. */
export function columnOperand(c: number): Operand {
  return -(c + 1);
}

/** Every constant used as an operand inside formulas, each once, in order of appearance. */
function collectConstants(node: IrNode, slots: Map<number, number>): void {
  if (node.k !== "op") return;
  for (const arg of node.args) {
    if (arg.k === "const" && !slots.has(arg.value)) slots.set(arg.value, TIME_SLOTS + slots.size);
    collectConstants(arg, slots);
  }
}

/** The instructions computing a formula's root node; returns them and the result's operand. */
function emitFormula(
  name: string,
  root: IrNode,
  constantSlots: ReadonlyMap<number, number>,
  base: number,
) {
  const instructions: Instruction[] = [];
  let draws = 0;
  const emit = (node: IrNode): Operand => {
    switch (node.k) {
      case "const":
        return constantSlots.get(node.value) as number;
      case "column":
        return columnOperand(node.index);
      case "time":
        return TIME_VARIABLES.indexOf(node.which);
      case "random": {
        const dst = base + instructions.length;
        const key = `${name}#${draws++}`;
        instructions.push({
          op: "sample",
          dst,
          dist: node.dist,
          key,
          start: node.start,
          end: node.end,
        });
        return dst;
      }
      case "op": {
        const args = node.args.map(emit);
        const dst = base + instructions.length;
        instructions.push({ op: node.op, dst, args, start: node.start, end: node.end });
        return dst;
      }
      default:
        return node satisfies never;
    }
  };
  const result = emit(root);
  return { instructions, result };
}

/**
 * Compiles a model. Random draws are keyed by the assumption's key or name (and, for draws
 * inside a formula, `name#k` for the k-th draw), so that a column's samples depend on the seed
 * and the name only, never on the other assumptions in the file.
 */
export function compileProgram(model: Model): Program {
  const constantSlots = new Map<number, number>();
  for (const a of model.assumptions) collectConstants(a.node, constantSlots);
  const base = TIME_SLOTS + constantSlots.size;
  let slots = base;
  const valueProgram = (name: string, root: IrNode): ValueProgram => {
    switch (root.k) {
      case "const":
        return { kind: "constant", value: root.value };
      case "column":
        return { kind: "copy", column: root.index };
      case "time":
        return { kind: "time", which: root.which };
      case "random":
        return {
          kind: "sample",
          dist: root.dist,
          checked: !finiteDraws(root.dist),
          key: name,
          start: root.start,
          end: root.end,
        };
      case "op": {
        const { instructions, result } = emitFormula(name, root, constantSlots, base);
        slots = Math.max(slots, base + instructions.length);
        return { kind: "instructions", instructions, result };
      }
      default:
        return root satisfies never;
    }
  };
  const assumptions = model.assumptions.map((a): AssumptionProgram => {
    const start = valueProgram(a.key ?? a.name, a.node);
    if (a.kind !== "stock") return start;
    const flow = model.assumptions[a.flow]?.node;
    const spanned = [flow, a.node].find(
      (n): n is Extract<IrNode, { start: number }> => n?.k === "op" || n?.k === "random",
    );
    const at = { start: spanned?.start ?? 0, end: spanned?.end ?? 0 };
    return { kind: "stock", start, flow: a.flow, at };
  });
  return { assumptions, order: model.evaluationOrder, constants: [...constantSlots.keys()], slots };
}

/** The program an assumption runs in this quarter: a stock's start value in the first quarter. */
export function effectiveProgram(
  p: AssumptionProgram,
  firstQuarter: boolean,
): AssumptionProgram | ValueProgram {
  return p.kind === "stock" && firstQuarter ? p.start : p;
}
