// Fused evaluation: one generated loop computes every assumption of an evaluation order for each
// sample of a block, keeping intermediate values in locals, where the column interpreter
// (runInstruction) makes a pass over the block per operation, a copy per result and a pass to find
// values that are not finite. The generated code performs the same IEEE operations in the same
// order as the interpreter, so the bits are the same. Code generation needs `new Function`: the web
// app, whose Content-Security-Policy forbids it, asks for none (MonteCarloJob.kernels); where it is
// refused all the same, fuseKernel returns null and the interpreter runs.

import type { Distribution } from "../dist/distribution.js";
import { FAST_EXP_TABLES, fastExpSource } from "../math/fastExp.js";
import { power } from "../math/power.js";
import { type OpCode, TIME_VARIABLES } from "../model/ir.js";
import { BLOCK_SIZE } from "../rng/index.js";
import {
  type AssumptionProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
  type ValueProgram,
} from "./program.js";

/** A random draw the kernel reads: drawn for the whole block before the kernel runs. */
export interface KernelDraw {
  readonly dist: Distribution;
  /** Key of its random stream. */
  readonly key: string;
  /** Where the block's draws go: column `column` at the block's offset, or `scratch[index]`. */
  readonly column: number;
  /** Index in the kernel's scratch (−1 for a column). */
  readonly index: number;
  /**
   * For a normal or lognormal draw into a column: the block gets standard normal draws, and the
   * kernel turns each into the distribution's value as it reads it (the same operations as
   * sampleInto), which saves a pass over the column.
   */
  readonly standard: boolean;
}

/** The generated function: evaluates samples [from, from + len) and returns the count of bad ones. */
type KernelFunction = (
  columns: readonly Float64Array[],
  scratch: readonly Float64Array[],
  constants: Float64Array,
  pow: (x: number, y: number) => number,
  fraction: Float64Array,
  pow2: Float64Array,
  from: number,
  len: number,
  t: number,
  now: number,
  year: number,
  bad: Int32Array,
) => number;

/** A fused evaluation of one order of assumptions, for the first quarter or for a later one. */
export interface FusedKernel {
  /** The assumptions it evaluates, in order. */
  readonly order: readonly number[];
  /** The draws to make for each block before running. */
  readonly draws: readonly KernelDraw[];
  /** One block-sized array per draw inside a formula (KernelDraw.index). */
  readonly scratch: readonly Float64Array[];
  /** Samples (offsets in the block) left unwritten because some value was not finite. */
  readonly bad: Int32Array;
  /**
   * Evaluates the block's samples [from, from + len) into the columns and returns how many were
   * left unwritten (listed in `bad`): for those, some checked value is not finite, and
   * evaluateSamples must evaluate them one by one to trace it.
   */
  run(
    columns: readonly Float64Array[],
    from: number,
    len: number,
    t: number,
    now: number,
    year: number,
  ): number;
}

/** The program an assumption runs in this quarter: a stock's start value in the first quarter. */
export function effectiveProgram(
  p: AssumptionProgram,
  firstQuarter: boolean,
): AssumptionProgram | ValueProgram {
  return p.kind === "stock" && firstQuarter ? p.start : p;
}

const INFIX: Partial<Record<OpCode, string>> = { add: "+", sub: "-", mul: "*", div: "/" };
const COMPARE: Partial<Record<OpCode, string>> = {
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
  eq: "===",
  ne: "!==",
};
const MATH: Partial<Record<OpCode, string>> = {
  min: "Math.min",
  max: "Math.max",
  abs: "Math.abs",
  exp: "Math.exp",
  log: "Math.log",
  sqrt: "Math.sqrt",
};

/** The expression applying `op` to argument expressions, exactly as runInstruction does. */
function opExpression(op: OpCode, [a, b, c]: readonly string[]): string {
  const infix = INFIX[op];
  if (infix !== undefined) return `${a} ${infix} ${b}`;
  const compare = COMPARE[op];
  if (compare !== undefined) return `${a} ${compare} ${b} ? 1 : 0`;
  const math = MATH[op];
  if (math !== undefined)
    return op === "min" || op === "max" ? `${math}(${a}, ${b})` : `${math}(${a})`;
  switch (op) {
    case "pow":
      return `pow(${a}, ${b})`;
    case "neg":
      return `-${a}`;
    case "clamp":
      return `Math.min(Math.max(${a}, ${b}), ${c})`;
    case "if":
      return `${a} !== 0 ? ${b} : ${c}`;
    default:
      throw new Error(`no fused form for ${op}`);
  }
}

/**
 * The source of the kernel's body, and the draws and constants it reads; with `transformDraws`,
 * normal and lognormal draws into columns come as standard normals (KernelDraw.standard).
 */
function generate(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  transformDraws: boolean,
) {
  const draws: KernelDraw[] = [];
  const constants = [...program.constants];
  const used = new Set<number>();
  const computed = new Set<number>();
  const body: string[] = [];
  const checked: string[] = [];
  const writes: string[] = [];
  const column = (c: number): string => {
    if (computed.has(c)) return `x${c}`;
    used.add(c);
    return `c${c}[j]`;
  };
  const constant = (value: number): string => {
    constants.push(value);
    return `k${constants.length - 1}`;
  };
  for (const index of order) {
    const p = effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
    const x = `x${index}`;
    switch (p.kind) {
      case "constant":
        body.push(`const ${x} = ${constant(p.value)};`);
        break;
      case "time":
        body.push(`const ${x} = ${p.which};`);
        break;
      case "copy":
        body.push(`const ${x} = ${column(p.column)};`);
        break;
      case "sample": {
        const { dist } = p;
        const standard = transformDraws && (dist.kind === "normal" || dist.kind === "lognormal");
        draws.push({ dist, key: p.key, column: index, index: -1, standard });
        if (standard) {
          // The column holds standard normals until this writes the values, whatever the checks
          // below decide: the per-sample fallback reads draws from their columns.
          const z = column(index);
          if (dist.kind === "normal")
            body.push(`const ${x} = ${constant(dist.mean)} + ${constant(dist.sd)} * ${z};`);
          else
            body.push(
              ...fastExpSource(
                x,
                `${constant(dist.mu)} + ${constant(dist.sigma)} * ${z}`,
                "fraction",
                "pow2",
              ),
            );
          body.push(`c${index}[j] = ${x};`);
        } else {
          if (!p.checked) continue;
          body.push(`const ${x} = ${column(index)};`);
        }
        if (p.checked) checked.push(x);
        computed.add(index);
        continue;
      }
      case "stock":
        body.push(`const ${x} = ${column(index)} + ${column(p.flow)};`);
        checked.push(x);
        break;
      case "instructions": {
        const local = (operand: Operand): string => {
          if (operand < 0) return column(-operand - 1);
          if (operand < TIME_SLOTS) return TIME_VARIABLES[operand] as string;
          if (operand < TIME_SLOTS + program.constants.length) return `k${operand - TIME_SLOTS}`;
          return `${x}_${operand}`;
        };
        for (const ins of p.instructions) {
          if (ins.op === "sample") {
            const at = draws.filter((d) => d.index >= 0).length;
            draws.push({ dist: ins.dist, key: ins.key, column: -1, index: at, standard: false });
            body.push(`const ${x}_${ins.dst} = s${at}[i];`);
          } else {
            body.push(`const ${x}_${ins.dst} = ${opExpression(ins.op, ins.args.map(local))};`);
          }
        }
        body.push(`const ${x} = ${local(p.result)};`);
        checked.push(x);
        break;
      }
      default:
        p satisfies never;
    }
    computed.add(index);
    writes.push(`c${index}[j] = ${x};`);
    used.add(index);
  }
  const scratch = draws.filter((d) => d.index >= 0).length;
  const source = [
    '"use strict";',
    ...[...used].map((c) => `const c${c} = columns[${c}];`),
    ...Array.from({ length: scratch }, (_, k) => `const s${k} = scratch[${k}];`),
    ...constants.map((_, k) => `const k${k} = constants[${k}];`),
    "let count = 0;",
    "for (let i = 0; i < len; i++) {",
    "const j = from + i;",
    ...body,
    `if (${checked.length === 0 ? "0" : checked.map((v) => `(${v} - ${v})`).join(" + ")} === 0) {`,
    ...writes,
    "} else bad[count++] = i;",
    "}",
    "return count;",
  ].join("\n");
  // A typed array, so that the kernel reads every constant as a double. From a plain array, V8
  // reads whole numbers as small integers: a kernel that saw only those until a schedule reached
  // a fractional value was compiled for integers, thrown away and compiled again, twice per run.
  return { source, draws, constants: Float64Array.from(constants), scratch };
}

/** The operations an assumption's program runs for each sample (1 for a copy, draw, …). */
function operations(p: AssumptionProgram | ValueProgram): number {
  return p.kind === "instructions" ? p.instructions.length : 1;
}

/**
 * Most operations in one kernel: V8 leaves a function whose bytecode is much larger unoptimised,
 * and an unoptimised kernel would be slower than the interpreter.
 */
export const MAX_KERNEL_OPERATIONS = 400;

/**
 * Fewest blocks a call of evaluateBlocks must cover for its kernels to transform their normal and
 * lognormal draws themselves (KernelDraw.standard). That saves a pass over each such column (M1
 * at 10^6 samples: 58 ms instead of 61 on one thread), but makes a larger kernel, which V8 takes
 * longer to compile: over ono's three blocks at 10^4 samples, mostly before it was compiled, it
 * made the whole run 3–5% slower. At 25 blocks (10^5 samples) the two were equal.
 */
export const TRANSFORM_DRAWS_FROM_BLOCKS = 32;

/**
 * Fused kernels evaluating `order` in turn (in the first quarter when `firstQuarter`, where
 * stocks take their start values), each of at most `maxOperations` operations unless one
 * assumption has more, transforming their normal and lognormal draws when `transformDraws`;
 * null where the platform forbids generating code.
 */
export function fuseKernels(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  maxOperations = MAX_KERNEL_OPERATIONS,
  transformDraws = false,
): FusedKernel[] | null {
  const segments: number[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const index of order) {
    const ops = operations(
      effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter),
    );
    if (size + ops > maxOperations) {
      segments.push([]);
      size = 0;
    }
    segments.at(-1)?.push(index);
    size += ops;
  }
  const kernels: FusedKernel[] = [];
  for (const segment of segments) {
    const kernel = fuseKernel(program, segment, firstQuarter, transformDraws);
    if (kernel === null) return null;
    kernels.push(kernel);
  }
  return kernels;
}

/** The fused kernel evaluating `order`, or null where the platform forbids generating code. */
function fuseKernel(
  program: Program,
  order: readonly number[],
  firstQuarter: boolean,
  transformDraws: boolean,
): FusedKernel | null {
  const { source, draws, constants, scratch } = generate(
    program,
    order,
    firstQuarter,
    transformDraws,
  );
  let fn: KernelFunction;
  try {
    fn = new Function(
      "columns",
      "scratch",
      "constants",
      "pow",
      "fraction",
      "pow2",
      "from",
      "len",
      "t",
      "now",
      "year",
      "bad",
      source,
    ) as KernelFunction;
  } catch {
    return null;
  }
  const arrays = Array.from({ length: scratch }, () => new Float64Array(BLOCK_SIZE));
  const bad = new Int32Array(BLOCK_SIZE);
  return {
    order,
    draws,
    scratch: arrays,
    bad,
    run: (columns, from, len, t, now, year) =>
      fn(
        columns,
        arrays,
        constants,
        power,
        FAST_EXP_TABLES.fraction,
        FAST_EXP_TABLES.pow2,
        from,
        len,
        t,
        now,
        year,
        bad,
      ),
  };
}
