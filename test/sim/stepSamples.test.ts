// stepSamples: a batch of samples goes through the quarter stage by stage, and every sample's
// numbers are the same as when it is stepped alone, whatever the batch size.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { Chunk } from "../../src/sim/chunk.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { evaluateQuarter, sampleChunk, stepChunk } from "../../src/sim/monteCarloChunk.js";
import { allocateBuffers, monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { timeVaryingOrder } from "../../src/sim/pointValues.js";
import { StepScratch } from "../../src/sim/stepScratch.js";

const ONO = readFileSync("scenarios/ono.yaml", "utf8");

/** Every quarter's series and the final state of `samples` samples of `text`, stepped in batches of `batch`. */
function stepAll(text: string, samples: number, batch: number): Float64Array[] {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, outputs } = checked.value;
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, { samples, seed: 3, outputs });
  const program = compileProgram(job.model);
  const buffers = allocateBuffers(job, false);
  const made = new Chunk(job, 0, 1);
  const chunk = { ...made, scratch: new StepScratch(system, job.slots, samples, batch) };
  sampleChunk(job, program, buffers, chunk, program.order);
  const varying = timeVaryingOrder(job.model);
  const seen: Float64Array[] = [];
  for (let q = 0; q < job.quarters.length; q++) {
    evaluateQuarter(job, program, varying, buffers, chunk, q);
    stepChunk(job, buffers, chunk, q);
    seen.push(buffers.series.slice());
  }
  const { state } = chunk;
  seen.push(state.cash, state.debt, state.ppe, state.shares, state.holdings, state.stakes);
  seen.push(state.outstanding, state.gpus, Float64Array.from(state.defaultedAt));
  return seen;
}

describe("stepSamples", () => {
  it("gives every sample the same numbers in batches of 256, 7 or 1, funding stop and defaults included", () => {
    const stopped = ONO.replace("value: 2040Q1", "value: 2026Q3");
    for (const text of [ONO, stopped]) {
      const alone = stepAll(text, 600, 1);
      for (const batch of [256, 7]) {
        const batched = stepAll(text, 600, batch);
        expect(batched.length).toBe(alone.length);
        batched.forEach((values, k) => {
          expect(
            Buffer.from(values.buffer).equals(Buffer.from((alone[k] as Float64Array).buffer)),
          ).toBe(true);
        });
      }
    }
  });
});
