// runMonteCarloParallel on a pool of workers kept across runs (what stress does for its baseline
// and shocked runs): each run gives the same result, bit for bit, as one thread, and a pool too
// small for the parts that wait on one another is refused instead of hanging.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { monteCarloPool, runMonteCarloParallel } from "../../src/cli/parallelMonteCarlo.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";

function onoJob(seed: number) {
  const checked = checkScenario(readFileSync("scenarios/ono.yaml", "utf8"));
  if (!checked.ok) throw new Error("ono does not check");
  const { scenario, model, correlation, outputs } = checked.value;
  return monteCarloJob(scenario, model, compileSystem(scenario, model), {
    samples: 4_500,
    seed,
    correlation,
    outputs,
  });
}

describe("runMonteCarloParallel with a kept pool", () => {
  it("runs two jobs on the same two workers, each equal to its one-thread run", async () => {
    const pool = monteCarloPool(2);
    try {
      for (const seed of [1, 2]) {
        const job = onoJob(seed);
        const one = await runMonteCarloParallel(job, 1);
        const two = await runMonteCarloParallel(job, 2, undefined, pool);
        if (!one.ok || !two.ok) throw new Error("ono failed to run");
        expect(JSON.stringify(two.value.result)).toBe(JSON.stringify(one.value.result));
      }
      expect(pool.threads.length).toBe(2);
      expect(pool.completed).toBe(4);
    } finally {
      await pool.destroy();
    }
  }, 120_000);

  it("refuses a pool with fewer threads than the run's parts", async () => {
    const pool = monteCarloPool(1);
    try {
      await expect(runMonteCarloParallel(onoJob(1), 2, undefined, pool)).rejects.toThrow(
        "a run on 2 threads needs a pool of at least 2 threads, not 1",
      );
    } finally {
      await pool.destroy();
    }
  });
});
