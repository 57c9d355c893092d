// sampleParallel on a pool of workers kept across runs: the same columns, bit for bit, as one
// thread, run after run, and the pool is left running for the caller.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sampleParallel, samplePool } from "../../src/cli/parallelSample.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";

describe("sampleParallel with a kept pool", () => {
  it("draws the same columns as one thread in each of two runs on the same two workers", async () => {
    const checked = checkScenario(readFileSync("examples/m1.yaml", "utf8"));
    if (!checked.ok) throw new Error("examples/m1.yaml does not check");
    const { model, scenario } = checked.value;
    const pool = samplePool(2);
    try {
      for (const seed of [1, 2]) {
        const options = { samples: 20_000, seed, start: scenario.start, correlation: null };
        const one = await sampleParallel(model, { ...options, threads: 1 });
        const two = await sampleParallel(model, { ...options, threads: 2, pool });
        if (!one.ok || !two.ok) throw new Error("M1 failed to sample");
        expect(two.value.columns).toEqual(one.value.columns);
      }
      expect(pool.threads.length).toBe(2);
    } finally {
      await pool.destroy();
    }
  }, 60_000);
});
