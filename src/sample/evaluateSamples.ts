// Evaluates chosen samples of a block one by one, after a fused kernel left them unwritten because
// some value may not be finite: each value is computed with applyOp (the operations' definitions),
// written, and, when not finite, traced to the operation that produced it. Assumptions go in order
// and samples in ascending order within each, as the column interpreter records them, so the
// issues come out in the same order.

import { applyOp } from "../model/applyOp.js";
import { TIME_VARIABLES } from "../model/ir.js";
import { type DomainIssues, domainReason } from "./domainIssues.js";
import type { FusedKernel } from "./fusedKernel.js";
import {
  type AssumptionProgram,
  effectiveProgram,
  type Operand,
  type Program,
  TIME_SLOTS,
} from "./program.js";

function finite(x: number): boolean {
  return x - x === 0;
}

/** An instruction's arguments as applyOp takes them (unused ones 0, which it ignores). */
function operands(args: readonly Operand[], at: (operand: Operand) => number) {
  const [a, b, c] = args;
  return [
    a === undefined ? 0 : at(a),
    b === undefined ? 0 : at(b),
    c === undefined ? 0 : at(c),
  ] as const;
}

/** The clock of the quarter being evaluated, in slot order (t, now, year). */
export type ClockValues = readonly [number, number, number];

/**
 * Evaluates samples `from + kernel.bad[0 … count − 1]` of the kernel's order (as it would have, for
 * the first quarter when `firstQuarter`), recording values that are not finite in `issues`. The
 * block's draws are those the kernel read: already in their columns or the kernel's scratch.
 */
export function evaluateSamples(
  program: Program,
  firstQuarter: boolean,
  columns: readonly Float64Array[],
  kernel: FusedKernel,
  count: number,
  from: number,
  clock: ClockValues,
  issues: DomainIssues,
): void {
  const values = new Float64Array(program.slots);
  values.set(clock, 0);
  values.set(program.constants, TIME_SLOTS);
  let draws = 0;
  for (const index of kernel.order) {
    const p = effectiveProgram(program.assumptions[index] as AssumptionProgram, firstQuarter);
    const column = columns[index] as Float64Array;
    for (let k = 0; k < count; k++) {
      const i = kernel.bad[k] as number;
      const j = from + i;
      const at = (operand: Operand): number =>
        operand >= 0
          ? (values[operand] as number)
          : ((columns[-operand - 1] as Float64Array)[j] as number);
      switch (p.kind) {
        case "constant":
          column[j] = p.value;
          break;
        case "time":
          column[j] = clock[TIME_VARIABLES.indexOf(p.which)] as number;
          break;
        case "copy":
          column[j] = (columns[p.column] as Float64Array)[j] as number;
          break;
        case "sample":
          if (p.checked && !finite(column[j] as number))
            issues.add("not-finite", p.start, p.end, j);
          break;
        case "stock": {
          const flow = (columns[p.flow] as Float64Array)[j] as number;
          const v = (column[j] as number) + flow;
          column[j] = v;
          // A flow that is not finite was reported when it was evaluated, a quarter before.
          if (!finite(v) && finite(flow)) issues.add("not-finite", p.at.start, p.at.end, j);
          break;
        }
        case "instructions": {
          let draw = draws;
          for (const ins of p.instructions) {
            values[ins.dst] =
              ins.op === "sample"
                ? ((kernel.scratch[draw++] as Float64Array)[i] as number)
                : applyOp(ins.op, ...operands(ins.args, at));
          }
          const v = at(p.result);
          column[j] = v;
          if (finite(v)) break;
          for (const ins of p.instructions) {
            if (finite(values[ins.dst] as number)) continue;
            const args = ins.op === "sample" ? [] : ins.args.map(at);
            if (args.every(finite)) issues.add(domainReason(ins.op, args), ins.start, ins.end, j);
            break;
          }
          break;
        }
        default:
          p satisfies never;
      }
    }
    if (p.kind === "instructions")
      draws += p.instructions.filter((ins) => ins.op === "sample").length;
  }
}
