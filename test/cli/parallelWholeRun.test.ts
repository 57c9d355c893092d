// The one-pass run of a model without companies on worker threads (runWholePart in
// monteCarloWorker.ts): the same result, outputs and inputs, bit for bit, as one thread quarter by
// quarter, on two and three threads; and where some value is not finite, every worker gives way
// to its quarter-by-quarter part, with the same diagnostics.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { monteCarloPool, runMonteCarloParallel } from "../../src/cli/parallelMonteCarlo.js";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { Result } from "../../src/scenario/diagnostic.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import type { MonteCarloRun } from "../../src/sim/concludeRun.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { timeVaryingOrder } from "../../src/sim/pointValues.js";
import { runQuarterByQuarter } from "../../src/sim/simulateMonteCarlo.js";

const M2 = readFileSync("examples/m2.yaml", "utf8");

/** M2 with correlated growth rates and an input formula, or with a line of `extra` besides. */
function job(extra = "") {
  const text = M2.replace(
    "  rev_growth: 4% to 12%",
    `  rev_growth: 4% to 12%\n  opex: = $1B * (1 + rev_growth - add_growth)${extra}`,
  )
    .replace("- $1B # cash in", "- opex # cash in")
    .replace("outputs:", "correlations:\n  - [add_growth, rev_growth, 0.6]\noutputs:");
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, outputs, correlation } = checked.value;
  const system = compileSystem(scenario, model);
  return monteCarloJob(scenario, model, system, { samples: 9001, seed: 3, outputs, correlation });
}

/** The run as plain data: result, outputs and the inputs' columns, or the diagnostics. */
function plain(run: Result<MonteCarloRun>, inputs: readonly number[]) {
  if (!run.ok) return { diagnostics: run.diagnostics };
  const { result, buffers } = run.value;
  return {
    result: JSON.stringify(result),
    outputs: buffers.outputs.map((c) => [...c]),
    inputs: inputs.map((i) => [...(buffers.columns[i] as Float64Array)]),
  };
}

describe("the one-pass run on worker threads", () => {
  it("gives one thread's quarter-by-quarter result on two and three threads", async () => {
    const pool = monteCarloPool(3);
    try {
      for (const extra of ["", "\n  broken: = 1 / (t - 3)"]) {
        const j = job(extra);
        const inputs = j.model.assumptions.flatMap((a, i) => (a.timeVarying ? [] : [i]));
        const one = plain(
          runQuarterByQuarter(j, compileProgram(j.model), timeVaryingOrder(j.model)),
          inputs,
        );
        expect("diagnostics" in one).toBe(extra !== "");
        for (const threads of [2, 3]) {
          const run = await runMonteCarloParallel(j, threads, undefined, pool);
          expect(plain(run, inputs)).toEqual(one);
          // The one pass leaves the columns of the values that read the clock untouched; the
          // quarter-by-quarter run, where it gave way, leaves their last quarter there.
          if (run.ok) {
            const cash = j.model.assumptions.findIndex((a) => a.name === "cash_m2");
            expect(run.value.buffers.columns[cash]?.every((v) => v === 0)).toBe(true);
          }
        }
      }
    } finally {
      await pool.destroy();
    }
  }, 120_000);
});
