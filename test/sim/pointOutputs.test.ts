// pointOutputs steps many point runs together as the samples of one batch, and must give each
// run's declared outputs exactly as simulatePoint does on its own: for ono's tornado (every
// uncertain input at its 10th and 90th percentiles) and for overrides that make OpenAI default.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { swingEnds } from "../../src/analysis/tornado.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { pointOutputs } from "../../src/sim/pointOutputs.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

const checked = checkScenario(readFileSync("scenarios/ono.yaml", "utf8"));
if (!checked.ok) throw new Error("ono does not check");
const { scenario, model, outputs } = checked.value;
const system = compileSystem(scenario, model);
const column = (name: string) => model.assumptions.findIndex((a) => a.name === name);

describe("pointOutputs", () => {
  it("gives simulatePoint's outputs for every swing of ono's tornado, bit for bit", () => {
    const inputs = model.assumptions.flatMap((a, i) =>
      a.kind === "uncertain" && !a.timeVarying ? [i] : [],
    );
    expect(inputs.length).toBeGreaterThan(10);
    const overrides = [
      new Map<number, number>(),
      ...inputs.flatMap((i) => {
        const { low, high } = swingEnds(model, i);
        return [new Map([[i, low]]), new Map([[i, high]])];
      }),
    ];
    const together = pointOutputs(scenario, model, system, outputs, overrides);
    const alone = overrides.map(
      (o) => simulatePoint(scenario, model, system, { outputs, overrides: o }).outputs,
    );
    expect(together).toEqual(alone);
  });

  it("keeps each run apart when some default and others do not", () => {
    const revenue = column("openai_revenue_growth");
    expect(revenue).toBeGreaterThanOrEqual(0);
    const overrides = [
      new Map<number, number>(),
      new Map([[revenue, 3]]),
      new Map([[revenue, 0.3]]),
      new Map([[revenue, 0.6]]),
    ];
    const together = pointOutputs(scenario, model, system, outputs, overrides);
    const alone = overrides.map(
      (o) => simulatePoint(scenario, model, system, { outputs, overrides: o }).outputs,
    );
    expect(together).toEqual(alone);
    expect(new Set(together.map((r) => r.openai_default_quarter)).size).toBeGreaterThan(1);
  });
});
