// Evaluates a scenario's assumptions quarter by quarter, as the simulations do: everything in
// quarter 0, then the clock-dependent assumptions again in quarters 0, 1, 2, …; both with the
// block evaluator (every sample) and with point values (medians).
import type { Model } from "../../src/model/model.js";
import { BLOCK_SIZE } from "../../src/rng/index.js";
import { columnMemory } from "../../src/sample/columnMemory.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { clockAt, evaluateBlocks, evaluatorWork } from "../../src/sample/evaluateBlocks.js";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { pointValues, timeVaryingOrder } from "../../src/sim/pointValues.js";

/** A checked scenario's model and first quarter; throws with the diagnostics otherwise. */
export function checked(text: string): { model: Model; start: number } {
  const r = checkScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return { model: r.value.model, start: r.value.scenario.start };
}

/** The index of assumption `name`. */
export function indexOf(model: Model, name: string): number {
  const i = model.assumptions.findIndex((a) => a.name === name);
  if (i < 0) throw new Error(`no assumption ${name}`);
  return i;
}

/**
 * Every sample of every assumption in each of `quarters` quarters: `[quarter][column]`, with the
 * issues found. `byBlock` evaluates each block in a call of its own; `maxKernelOperations` and
 * `transformDrawsFromBlocks` are evaluatorWork's (0 operations: the column interpreter alone).
 * `inMemory` puts the columns in a WebAssembly memory, so that kernels are compiled to
 * WebAssembly where they can be.
 */
export function sampleQuarters(
  text: string,
  quarters: number,
  samples: number,
  seed = 1,
  byBlock = false,
  maxKernelOperations?: number,
  transformDrawsFromBlocks?: number,
  inMemory = false,
): { model: Model; values: Float64Array[][]; issues: DomainIssues } {
  const { model, start } = checked(text);
  const program = compileProgram(model);
  const work = evaluatorWork(maxKernelOperations, transformDrawsFromBlocks);
  const memory = inMemory ? columnMemory(model.assumptions.length, samples, false) : null;
  if (inMemory && memory === null) throw new Error("no WebAssembly memory for the columns");
  const columns = memory?.columns ?? model.assumptions.map(() => new Float64Array(samples));
  const issues = new DomainIssues();
  const blocks = Math.ceil(samples / BLOCK_SIZE);
  const ranges = byBlock
    ? Array.from({ length: blocks }, (_, b) => ({ fromBlock: b, toBlock: b + 1 }))
    : [{ fromBlock: 0, toBlock: blocks }];
  const run = (t: number, order: readonly number[]) => {
    for (const r of ranges)
      evaluateBlocks(
        program,
        columns,
        { samples, seed, ...r, clock: clockAt(start, t), order },
        issues,
        work,
        memory,
      );
  };
  run(0, program.order);
  const varying = timeVaryingOrder(model);
  const values: Float64Array[][] = [];
  for (let t = 0; t < quarters; t++) {
    run(t, varying);
    values.push(columns.map((c) => c.slice()));
  }
  return { model, values, issues };
}

/** The point values (medians) of every assumption in each of `quarters` quarters. */
export function pointQuarters(
  text: string,
  quarters: number,
): { model: Model; values: Float64Array[] } {
  const { model, start } = checked(text);
  const current = new Float64Array(model.assumptions.length);
  pointValues(model, current, clockAt(start, 0), model.evaluationOrder);
  const varying = timeVaryingOrder(model);
  const values: Float64Array[] = [];
  for (let t = 0; t < quarters; t++) {
    pointValues(model, current, clockAt(start, t), varying);
    values.push(current.slice());
  }
  return { model, values };
}
