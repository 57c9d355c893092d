// Fused kernels give the column interpreter's bits and issues: random models with stocks, clock
// variables, draws inside formulas and operations that fail in some samples, evaluated over
// several quarters by the interpreter alone, by one kernel per assumption and by whole kernels;
// and the interpreter takes over where code cannot be generated (a Content-Security-Policy).
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fuseKernels } from "../../src/sample/fusedKernel.js";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { checked, sampleQuarters } from "../support/quarterly.js";
import { HEAD, randomScenario, SAMPLES } from "../support/randomModels.js";

const scenario = randomScenario();

/**
 * The values of every quarter and the issues, as plain data (NaN stays NaN). Kernels transform
 * their normal and lognormal draws themselves in calls of at least `transformFrom` blocks.
 */
function evaluated(text: string, maxKernelOperations: number, byBlock = false, transformFrom = 99) {
  const { values, issues } = sampleQuarters(
    text,
    4,
    SAMPLES,
    3,
    byBlock,
    maxKernelOperations,
    transformFrom,
  );
  return { values: values.map((q) => q.map((c) => [...c])), issues: issues.list() };
}

describe("fused kernels", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("give the interpreter's values and issues, in the same order, for random models", () => {
    let checkedCount = 0;
    fc.assert(
      fc.property(scenario, (text) => {
        fc.pre(checkScenario(text).ok);
        checkedCount++;
        const interpreted = evaluated(text, 0);
        expect(evaluated(text, 400)).toEqual(interpreted);
        expect(evaluated(text, 1, true)).toEqual(interpreted);
        expect(evaluated(text, 400, false, 1)).toEqual(interpreted);
        expect(evaluated(text, 1, true, 1)).toEqual(interpreted);
      }),
      { numRuns: 60 },
    );
    expect(checkedCount).toBeGreaterThan(30);
  });

  it("trace a division by zero, a log of a negative and an overflowing stock as the interpreter does", () => {
    const text = `${HEAD}  x: -1 to 1\n  z: = if(x < 0, 0, x)\n  y: = 1 / z\n  l: = log(x) * (1 to 2)\n  s: { stock: 1, flow: = s * 1e200 }\n`;
    const interpreted = evaluated(text, 0);
    expect(interpreted.issues.map((i) => i.reason)).toEqual([
      "division-by-zero",
      "log-domain",
      "not-finite",
    ]);
    expect(evaluated(text, 400)).toEqual(interpreted);
    expect(evaluated(text, 1)).toEqual(interpreted);
  });

  it("are not generated where new Function is refused, and the interpreter gives the same bits", () => {
    const text = `${HEAD}  x: 1 to 2\n  s: { stock: = x * 3, flow: = s / 10 + t }\n  y: = s * (1 to 2) - x\n`;
    const fused = evaluated(text, 400);
    vi.stubGlobal("Function", () => {
      throw new EvalError("Refused to evaluate a string as JavaScript (Content-Security-Policy)");
    });
    const { model } = checked(text);
    expect(fuseKernels(compileProgram(model), model.evaluationOrder, true)).toBeNull();
    expect(evaluated(text, 400)).toEqual(fused);
  });

  it("split an order into kernels of at most the given number of operations", () => {
    const { model } = checked(`${HEAD}  a: 1 to 2\n  b: = a * 2 + 1\n  c: = b - a\n  d: = c / 3\n`);
    const program = compileProgram(model);
    const sizes = (max: number) =>
      fuseKernels(program, model.evaluationOrder, true, max)?.map((k) => k.order.length);
    expect(sizes(400)).toEqual([4]);
    expect(sizes(2)).toEqual([1, 1, 2]);
    // A lognormal draw the kernel transforms counts its inline exp: 10 operations.
    const transformed = (max: number) =>
      fuseKernels(program, model.evaluationOrder, true, max, true)?.map((k) => k.order.length);
    expect(transformed(400)).toEqual([4]);
    expect(transformed(11)).toEqual([1, 3]);
    expect(transformed(12)).toEqual([2, 2]);
  });
});
