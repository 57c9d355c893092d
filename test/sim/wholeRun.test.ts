// The whole run in one pass per sample (wholeRun.ts) against the quarter-by-quarter run: random
// models without companies, with random outputs that record values, sum nothing, read fixed
// quarters and test conditions during the run or after it, must give the same result, outputs
// and inputs bit for bit; where a value is not finite the pass gives way, and the run's
// diagnostics are the quarter-by-quarter run's. Which models it takes, and which it leaves.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { Result } from "../../src/scenario/diagnostic.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import type { MonteCarloRun } from "../../src/sim/concludeRun.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { timeVaryingOrder } from "../../src/sim/pointValues.js";
import { runMonteCarloJob, runQuarterByQuarter } from "../../src/sim/simulateMonteCarlo.js";
import { runWholeRun } from "../../src/sim/wholeRun.js";
import { HEAD, randomScenario, SAMPLES } from "../support/randomModels.js";

const BINARY = ["+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="];

/**
 * A random formula over `leaves`, with every operation; with `first`, also `firstQuarter` of a
 * condition made by `first`.
 */
function formula(leaves: readonly string[], first?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...leaves),
      fc
        .tuple(tie("node"), fc.constantFrom(...BINARY), tie("node"))
        .map(([a, o, b]) => `(${a} ${o} ${b})`),
      fc
        .tuple(fc.constantFrom("min", "max", "and", "or"), tie("node"), tie("node"))
        .map(([f, a, b]) => `${f}(${a}, ${b})`),
      fc
        .tuple(fc.constantFrom("log", "sqrt", "abs", "not"), tie("node"))
        .map(([f, a]) => `${f}(${a})`),
      fc.tuple(tie("node"), tie("node"), tie("node")).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
      ...(first === undefined ? [] : [first.map((c) => `firstQuarter(${c})`)]),
    ),
  })).node;
}

/**
 * A random output formula over the assumptions `names`, the clock and values of a fixed quarter,
 * with `firstQuarter` of conditions on the current quarter (which the run tests as it goes).
 */
function outputFormula(names: readonly string[]): fc.Arbitrary<string> {
  const values = ["0", "2", "-1", "0.5", "t", "year - 2025", ...names];
  const fixed = names.flatMap((n) => ["2025Q1", "2025Q3", "2026Q2"].map((q) => `at(${n}, ${q})`));
  return formula([...values, ...fixed], formula(values));
}

/** A random model without draws in its formulas or stock starts, with one to four outputs. */
const modelWithOutputs = randomScenario(false, false).chain((text) => {
  const names = [...text.matchAll(/^ {2}(a\d+):/gm)].map((m) => m[1] as string);
  return fc
    .array(outputFormula(names), { minLength: 1, maxLength: 4 })
    .map((lines) => `${text}outputs:\n${lines.map((l, o) => `  o${o}: = ${l}\n`).join("")}`);
});

/** Everything a run gives, as plain data: −0 told from 0, NaN as itself. */
function plain(run: Result<MonteCarloRun>, inputs: readonly number[]) {
  if (!run.ok) return { diagnostics: run.diagnostics };
  const bits = (column: Float64Array) => [...column].map((v) => (Object.is(v, -0) ? "-0" : v));
  const { result, buffers } = run.value;
  return {
    result: JSON.stringify(result),
    outputs: buffers.outputs.map(bits),
    inputs: inputs.map((i) => bits(buffers.columns[i] as Float64Array)),
  };
}

/** The run of `text` in one pass per sample (null when it gives way) and quarter by quarter. */
function both(text: string, samples = SAMPLES) {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, outputs, correlation } = checked.value;
  const job = monteCarloJob(scenario, model, compileSystem(scenario, model), {
    samples,
    seed: 7,
    outputs,
    correlation,
  });
  const program = compileProgram(model);
  const varying = timeVaryingOrder(model);
  const inputs = model.assumptions.flatMap((a, i) => (a.timeVarying ? [] : [i]));
  const whole = runWholeRun(job, program, varying);
  const quarters = runQuarterByQuarter(job, program, varying);
  return {
    whole: whole === null ? null : plain(whole, inputs),
    quarters: plain(quarters, inputs),
    job: plain(runMonteCarloJob(job), inputs),
  };
}

describe("the whole run in one pass per sample", () => {
  it("gives the quarter-by-quarter run's result, outputs and inputs for random models", () => {
    let compared = 0;
    let failed = 0;
    fc.assert(
      fc.property(modelWithOutputs, (text) => {
        fc.pre(checkScenario(text).ok);
        const { whole, quarters, job } = both(text);
        expect(job).toEqual(quarters);
        if ("diagnostics" in quarters) {
          failed++;
          if (whole !== null) expect(whole).toEqual(quarters);
          return;
        }
        expect(whole).not.toBeNull();
        expect(whole).toEqual(quarters);
        compared++;
      }),
      { numRuns: 150 },
    );
    // Most random models have values that are not finite in some samples, for the diagnostics.
    expect(compared).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(20);
  });

  const M2 = readFileSync("examples/m2.yaml", "utf8");

  it("runs M2 alike at any number of samples from one group of eight on", () => {
    for (const samples of [8, 9, 15, 4096 + 8 * 3 + 5]) {
      const { whole, quarters } = both(M2, samples);
      expect(whole).toEqual(quarters);
    }
    expect(both(M2, 7).whole).toBeNull();
  });

  it("runs M2 alike with its growth rates correlated, and with an input formula besides", () => {
    const text = M2.replace(
      "  rev_growth: 4% to 12%",
      "  rev_growth: 4% to 12%\n  opex: = $1B * (1 + rev_growth - add_growth)",
    )
      .replace("- $1B # cash in", "- opex # cash in")
      .replace("outputs:", "correlations:\n  - [add_growth, rev_growth, 0.6]\noutputs:");
    expect(text).toContain("- opex # cash in");
    const { whole, quarters } = both(text, 5000);
    expect(whole).not.toBeNull();
    expect(whole).toEqual(quarters);
  });

  it("tests each sample's conditions until it meets them, whatever the others of its group do", () => {
    // s grows by a draw from 0 to 1 a quarter: it passes 1, 2 and 3 in different quarters, or
    // never, sample by sample.
    const text = `${HEAD}  x: uniform(0, 1)\n  s: { stock: 0, flow: = x }\noutputs:\n  a: = firstQuarter(s > 1)\n  b: = firstQuarter(s > 3) + firstQuarter(s > 2) * 10\n  c: = at(s, 2025Q2) + s\n`;
    const { whole, quarters } = both(text);
    expect(whole).toEqual(quarters);
    const run = quarters as { outputs: number[][] };
    expect(new Set(run.outputs[0]).size).toBe(5);
    expect(new Set(run.outputs[1]).size).toBeGreaterThan(4);
  });

  it("gives way when a value is not finite, even where a later value covers it", () => {
    // A division by zero in quarter 3 only, in a formula nothing reads (checked on its own); in a
    // flow (covered by its stock); one that min(…) hides (whose own value is checked); and an
    // overflowing stock.
    for (const line of [
      "y: = 1 / (t - 2)",
      "y: { stock: 0, flow: = 1 / (t - 2) }",
      "y: = 1 / (t - 2)\n  z: = min(y, 5)",
      "y: { stock: 1, flow: = y * 1e300 }",
    ]) {
      const text = `${HEAD}  x: 1 to 2\n  ${line}\noutputs:\n  o: = x\n`;
      const { whole, quarters } = both(text);
      expect(whole).toBeNull();
      expect("diagnostics" in quarters).toBe(true);
    }
  });

  it("gives way when a streamed condition is not finite in a sample still open, not in one closed", () => {
    const model = `${HEAD}  x: uniform(0, 1)\n  s: { stock: 0, flow: = 1 }\noutputs:\n`;
    // s is 2 in quarter 3: 1 / (s − 2) divides by zero in every sample still open then.
    const open = both(`${model}  o: = firstQuarter(1 / (s - 2) > x + 9)\n`);
    expect(open.whole).toBeNull();
    expect("diagnostics" in open.quarters).toBe(true);
    // Every sample meets the condition in quarter 1, before the division by zero.
    const closed = both(`${model}  o: = firstQuarter(1 / (s - 2) < 0)\n`);
    expect(closed.whole).not.toBeNull();
    expect(closed.whole).toEqual(closed.quarters);
  });

  it("leaves models with companies, kept trajectories, draws in time-varying values or no kernels", () => {
    const ring = checkScenario(readFileSync("examples/ring.yaml", "utf8"));
    if (!ring.ok) throw new Error("ring does not check");
    const runOf = (text: string, options: { keepTrajectories?: boolean; kernels?: boolean }) => {
      const checked = checkScenario(text);
      if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
      const { scenario, model, outputs } = checked.value;
      const system = compileSystem(scenario, model);
      const job = monteCarloJob(scenario, model, system, {
        samples: 64,
        seed: 1,
        outputs,
        ...options,
      });
      return runWholeRun(job, compileProgram(model), timeVaryingOrder(model));
    };
    const ringText = readFileSync("examples/ring.yaml", "utf8");
    expect(runOf(ringText, {})).toBeNull();
    expect(runOf(M2, {})).not.toBeNull();
    expect(runOf(M2, { keepTrajectories: true })).toBeNull();
    expect(runOf(M2, { kernels: false })).toBeNull();
    expect(runOf(M2.replace("stock: $10B,", "stock: $9B to $11B,"), {})).toBeNull();
    expect(
      runOf(M2.replace("= additions * add_growth", "= additions * (5% to 15%)"), {}),
    ).toBeNull();
  });

  it("leaves outputs with a condition tested after the run: on a fixed quarter, or on another", () => {
    for (const condition of ["cash_m2 < at(cash_m2, 2026Q1)", "firstQuarter(cash_m2 < 0) < t"]) {
      const text = `${M2}  late: = firstQuarter(${condition})\n`;
      const { whole, quarters, job } = both(text, 64);
      expect(whole).toBeNull();
      expect(job).toEqual(quarters);
    }
  });
});
