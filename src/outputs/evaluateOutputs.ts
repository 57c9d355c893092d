// Evaluates the declared outputs for a chunk of samples from the values the run recorded
// (recordQuarter.ts), once every quarter is recorded.

import type { DomainIssues } from "../sample/domainIssues.js";
import { newFrame } from "./frame.js";
import type { OutputsPlan } from "./outputsPlan.js";
import type { Recorded } from "./recorded.js";
import { runProgram } from "./runProgram.js";
import { traceNonFinite } from "./traceNonFinite.js";

/**
 * Writes output o of chunk sample i to `out[o][offset + i]`, and returns, per output, how many
 * samples of the chunk gave a value that is not finite (NaN or ±∞, written as is). Each such
 * sample is traced to its cause in `issues` (keyed by the place in the scenario file, with the
 * absolute sample number `offset + i`), so that the caller can report "division by zero in N of
 * M samples" with `domainDiagnostics`. The formulas run compiled where `recorded` has them
 * (outputKernel.ts); runProgram evaluates the others, and any formula with a value that is not
 * finite, with the same bits. Pure apart from `out` and `issues`.
 *
 * Conventions: bare assumptions, clock variables and defaulted(…) read the last quarter; a
 * comparison with a value that is not finite is not finite.
 */
export function evaluateOutputs(
  plan: OutputsPlan,
  recorded: Recorded,
  out: readonly Float64Array[],
  offset: number,
  issues: DomainIssues,
): Int32Array {
  if (recorded.quarters !== plan.quarters) {
    throw new Error(`recorded ${recorded.quarters} quarters, the plan has ${plan.quarters}`);
  }
  const nonFinite = new Int32Array(plan.programs.length);
  const interpret = new Uint8Array(plan.programs.length).fill(1);
  const { count, kernel } = recorded;
  if (kernel !== null) {
    const firsts = recorded.firsts.flatMap((steps) => [...steps.values()].map((f) => f.result));
    kernel(recorded.slots, firsts, recorded.defaultedAt, out, offset, count, interpret);
  }
  const env = { recorded, start: plan.start, offset, issues, live: false };
  plan.programs.forEach((program, o) => {
    if (interpret[o] === 0) return;
    const frame = newFrame(program, count);
    runProgram(program, frame, env, recorded.quarters - 1, recorded.firsts[o]);
    const result = frame.regs[program.result] as Float64Array;
    const target = out[o] as Float64Array;
    target.set(result, offset);
    for (let i = 0; i < count; i++) {
      const v = result[i] as number;
      if (v - v === 0) continue;
      nonFinite[o] = (nonFinite[o] as number) + 1;
      traceNonFinite(program, frame, program.result, i, offset + i, issues);
    }
  });
  return nonFinite;
}
