// runPipelined steps in this thread while a helper thread computes the quarter summaries: the
// result must be the one-thread run's bit for bit (ono with its correlations, a scenario without
// companies, and one whose samples fail), and a helper thread that fails must fail the run
// instead of leaving it waiting.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPipelined } from "../../src/cli/pipelinedMonteCarlo.js";
import { SummaryHelper } from "../../src/cli/summaryHelper.js";
import type { SummaryWorkerData } from "../../src/cli/summaryWorker.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { runMonteCarloJob } from "../../src/sim/simulateMonteCarlo.js";

function job(text: string, samples: number, seed: number) {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error("the scenario does not check");
  const { scenario, model, correlation, outputs } = checked.value;
  return monteCarloJob(scenario, model, compileSystem(scenario, model), {
    samples,
    seed,
    correlation,
    outputs,
  });
}

const ONO = readFileSync("scenarios/ono.yaml", "utf8");
const M2 = readFileSync("examples/m2.yaml", "utf8");
const FAILING =
  "name: f\nstart: 2025Q1\nquarters: 4\nassumptions:\n  x: -1 to 1\n  y: = log(x)\noutputs:\n  o: = y * 2\n";

describe("runPipelined", () => {
  it("gives the one-thread run's result and output columns, bit for bit", async () => {
    for (const [text, samples] of [
      [ONO, 4_500],
      [M2, 5_000],
    ] as const) {
      const j = job(text, samples, 3);
      const one = runMonteCarloJob(j);
      const two = await runPipelined(j);
      if (!one.ok || !two.ok) throw new Error("the run failed");
      expect(JSON.stringify(two.value.result)).toBe(JSON.stringify(one.value.result));
      expect(two.value.buffers.outputs).toEqual(one.value.buffers.outputs);
    }
  }, 120_000);

  it("reports samples without a finite value as the one-thread run does", async () => {
    const j = job(FAILING, 5_000, 1);
    const one = runMonteCarloJob(j);
    const two = await runPipelined(j);
    expect(one.ok).toBe(false);
    expect(two).toEqual(one);
  }, 60_000);

  it("fails, instead of waiting for ever, when the helper thread fails", async () => {
    const helper = new SummaryHelper({ job: null } as unknown as SummaryWorkerData);
    try {
      await expect(helper.summarized(0)).rejects.toThrow();
    } finally {
      await helper.stop();
    }
  }, 60_000);
});
