// Traces a sample whose output is not a finite number to the step that produced it: the first
// operation on its path whose arguments were all finite (a division by zero, the log of a value
// ≤ 0, …), or a recorded value that was not finite.

import { type DomainIssues, domainReason } from "../sample/domainIssues.js";
import type { Frame } from "./frame.js";
import type { Program, Step } from "./outputsPlan.js";

function finite(x: number): boolean {
  return x - x === 0;
}

/**
 * Records in `issues` why register `k` of sample `i` (absolute sample `sample`) is not finite.
 * Follows the argument that is not finite (for `if`, the condition or the branch taken).
 * `firstQuarter` steps are traced while they run (see runProgram).
 */
export function traceNonFinite(
  program: Program,
  frame: Frame,
  k: number,
  i: number,
  sample: number,
  issues: DomainIssues,
): void {
  const step = program.steps[k] as Step;
  const value = (r: number): number => (frame.regs[r] as Float64Array)[i] as number;
  switch (step.k) {
    case "series":
    case "assumption":
      issues.add("not-finite", step.start, step.end, sample);
      return;
    case "op": {
      const args = step.args.map(value);
      const [cond = 0, then = 0, otherwise = 0] = step.args;
      let next = step.args.find((r) => !finite(value(r)));
      if (step.op === "if" && finite(value(cond))) next = value(cond) !== 0 ? then : otherwise;
      if (next === undefined || finite(value(next))) {
        issues.add(domainReason(step.op, args), step.start, step.end, sample);
        return;
      }
      traceNonFinite(program, frame, next, i, sample, issues);
      return;
    }
    default:
      return;
  }
}
