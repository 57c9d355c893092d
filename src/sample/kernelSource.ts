// The source text of a fused kernel: one loop over a block's samples that computes every
// assumption of an evaluation order in locals, with the same IEEE operations in the same order as
// the column interpreter (runInstruction), and writes the results to their columns; plus the
// draws the block needs first and the constants the loop reads.

import type { Distribution } from "../dist/distribution.js";
import { fastExpSource } from "../math/fastExp.js";
import { type OpCode, TIME_VARIABLES } from "../model/ir.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
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

/**
 * The operations a kernel adds to turn standard normals into draws of `dist` as it reads them
 * (KernelDraw.standard): 2 for a normal, 10 for a lognormal's inline exp; 0 for a distribution it
 * does not transform.
 */
export function transformOperations(dist: Distribution): number {
  return dist.kind === "lognormal" ? 10 : dist.kind === "normal" ? 2 : 0;
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
export function opExpression(op: OpCode, [a, b, c]: readonly string[]): string {
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
export function kernelSource(
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
        const standard = transformDraws && transformOperations(dist) > 0;
        draws.push({ dist, key: p.key, column: index, index: -1, standard });
        if (standard) {
          // The column holds standard normals until this writes the values, whatever the checks
          // below decide: the per-sample fallback reads draws from their columns.
          const z = column(index);
          if (dist.kind === "normal")
            body.push(`const ${x} = ${constant(dist.mean)} + ${constant(dist.sd)} * ${z};`);
          else if (dist.kind === "lognormal")
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
    // The sum of the checked values is finite when they all are; when it is not, some value is
    // not finite or (rarely) finite values overflowed together, and evaluateSamples sorts it out.
    `const sum = ${checked.length === 0 ? "0" : checked.join(" + ")};`,
    "if (sum - sum === 0) {",
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
