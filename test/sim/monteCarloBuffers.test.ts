// A run's buffers: the assumption columns lie in one WebAssembly memory where the job runs
// kernels (shared across threads when asked), reach a worker thread as the same memory, and give
// the same results, bit for bit, as plain columns evaluated by the interpreter.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import {
  allocateBuffers,
  bufferMemory,
  buffersFrom,
  monteCarloJob,
} from "../../src/sim/monteCarloJob.js";
import { runMonteCarloJob } from "../../src/sim/simulateMonteCarlo.js";

function load(path: string) {
  const checked = checkScenario(readFileSync(path, "utf8"));
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return checked.value;
}

function job(path: string, samples: number, kernels: boolean) {
  const { scenario, model, outputs } = load(path);
  const system = compileSystem(scenario, model);
  return monteCarloJob(scenario, model, system, { samples, seed: 2, outputs, kernels });
}

describe("a Monte Carlo run's buffers", () => {
  it("hold the columns in one WebAssembly memory, shared when asked, one after another", () => {
    const j = job("examples/m2.yaml", 1000, true);
    const shared = allocateBuffers(j, true);
    expect(shared.memory?.memory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.columns).toBe(shared.memory?.columns);
    shared.columns.forEach((column, k) => {
      expect(column.length).toBe(1000);
      expect(column.byteOffset).toBe(8 * 1000 * k);
    });
    expect(allocateBuffers(j, false).memory?.memory.buffer).toBeInstanceOf(ArrayBuffer);
    expect(allocateBuffers(job("examples/m2.yaml", 1000, false), false).memory).toBeNull();
  });

  it("reach another thread as views of the same memory", () => {
    const j = job("examples/m2.yaml", 1000, true);
    const buffers = allocateBuffers(j, true);
    const copy = buffersFrom(structuredClone(bufferMemory(buffers)), j);
    (copy.columns[3] as Float64Array)[999] = 42;
    expect((buffers.columns[3] as Float64Array)[999]).toBe(42);
  });

  it("give the interpreter's results, bit for bit, with kernels compiled to WebAssembly", () => {
    for (const path of ["examples/m2.yaml", "examples/ring.yaml", "scenarios/ono.yaml"]) {
      const { scenario, model, outputs, correlation } = load(path);
      const system = compileSystem(scenario, model);
      const run = (kernels: boolean) => {
        const options = { samples: 600, seed: 4, outputs, correlation, kernels };
        const r = runMonteCarloJob(monteCarloJob(scenario, model, system, options));
        return JSON.stringify(r.ok ? r.value.result : r.diagnostics);
      };
      expect(run(true)).toBe(run(false));
    }
  });
});
