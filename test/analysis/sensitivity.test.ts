// Rank correlations and the tornado against closed forms.
import { describe, expect, it } from "vitest";
import { dependencies } from "../../src/analysis/dependencies.js";
import { ranks } from "../../src/analysis/ranks.js";
import { pearson, spearman } from "../../src/analysis/spearman.js";
import { tornado } from "../../src/analysis/tornado.js";
import { sampleModel } from "../../src/sample/sampleModel.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import { runCli } from "../support/runCli.js";

const LINEAR =
  "name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n  a: normal(0, 1)\n  b: normal(0, 1)\n  c: 5\n  y: = 2 * a + b + c\n";

describe("ranks and correlations", () => {
  it("gives ties the average of the ranks they span", () => {
    expect([...ranks(Float64Array.of(10, 30, 20, 20))]).toEqual([1, 4, 2.5, 2.5]);
  });

  it("gives ±1 for monotone relations and Pearson's r for the data", () => {
    expect(spearman(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 8, 27, 64))).toBeCloseTo(1, 15);
    expect(spearman(Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 3, 2, 1))).toBeCloseTo(-1, 15);
    expect(pearson(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7))).toBeCloseTo(
      0.9933992677987828,
      12,
    );
  });
});

describe("sensitivity of y = 2a + b + 5 with a, b standard normal", () => {
  const checked = checkScenario(LINEAR);
  if (!checked.ok) throw new Error("does not check");
  const model = checked.value.model;
  const y = 3;

  it("finds the uncertain inputs y depends on", () => {
    expect(dependencies(model, y)).toEqual([0, 1, 2]);
  });

  it("gives Spearman's ρ of (6/π)·asin(r/2) for bivariate normals (r = 2/√5 and 1/√5)", () => {
    const r = sampleModel(model, { samples: 100_000, seed: 1, start: 8100 });
    if (!r.ok) throw new Error("sampling failed");
    const [a, b, , out] = r.value.columns as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    expect(spearman(a, out)).toBeCloseTo((6 / Math.PI) * Math.asin(1 / Math.sqrt(5)), 2);
    expect(spearman(b, out)).toBeCloseTo((6 / Math.PI) * Math.asin(0.5 / Math.sqrt(5)), 2);
  });

  it("swings y by 2·(q90 − q10) for a and by q90 − q10 for b, largest first", () => {
    const width = 2 * 1.2815515655446004; // qnorm(0.9) - qnorm(0.1)
    const bars = tornado(model, y, [0, 1], 8100);
    expect(bars.map((bar) => bar.input)).toEqual([0, 1]);
    expect(bars[0]?.swing).toBeCloseTo(2 * width, 9);
    expect(bars[1]?.swing).toBeCloseTo(width, 9);
    expect(bars[0]?.outputAtLow).toBeCloseTo(5 - width, 9);
  });
});

describe("perpetuum sensitivity", () => {
  it("prints the inputs of M1's profit with the largest swing first, and bars", async () => {
    const r = await runCli("sensitivity", "examples/m1.yaml", "profit", "--samples", "5000");
    expect(r.code).toBe(0);
    const rows = r.stdout
      .split("\n")
      .filter((l) => /^(compute|enterprise|paying_share|users|arpu)\s/.test(l));
    expect(rows[0]).toMatch(/^compute\s+-0\.7\d/);
    expect(rows[1]).toMatch(/^enterprise/);
    expect(r.stdout).toContain("█│█");
  });

  it("says when the output does not exist", async () => {
    const r = await runCli("sensitivity", "examples/m1.yaml", "proft");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'perpetuum: examples/m1.yaml: no assumption or output named "proft" (did you mean "profit"?)\n',
    );
  });

  it("explains a declared output of the simulation: Spearman over a Monte Carlo, swings of point runs", async () => {
    const r = await runCli(
      "sensitivity",
      "ono",
      "openai_profitable_2029",
      "--samples",
      "4096",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.outputAtMedians).toBe(1);
    const [top] = json.inputs;
    expect(top.input).toBe("openai_revenue_growth");
    expect(top.spearman).toBeGreaterThan(0.5);
    expect([top.outputAtLow, top.outputAtHigh]).toEqual([0, 1]);
    const swings = json.inputs.map((row: { swing: number }) => row.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
  });
});

describe("perpetuum sensitivity --threads", () => {
  it("gives the same JSON on two threads as on one, for a declared output and for an assumption", async () => {
    for (const args of [
      ["ono", "openai_profitable_2029", "--samples", "4500"],
      ["examples/m1.yaml", "profit", "--samples", "9000"],
    ]) {
      const one = await runCli("sensitivity", ...args, "--threads", "1", "--format", "json");
      const two = await runCli("sensitivity", ...args, "--threads", "2", "--format", "json");
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
    }
  }, 90_000);

  it("refuses, like run, a Monte Carlo that cannot fit in memory", async () => {
    const r = await runCli("sensitivity", "ono", "openai_profitable_2029", "--samples", "1e8");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^perpetuum: --samples 1e8: .* which fits at most [\d,]+ samples\n$/);
  });
});

describe("simulatePoint with overrides and outputs", () => {
  it("evaluates declared outputs on the point run, and moves them when an input is overridden", () => {
    const text = `name: t
start: 2025Q1
quarters: 4
assumptions:
  sales: $1B to $3B
entities:
  a: { cash: $1B, revenue: = sales }
outputs:
  revenue_2025: = revenue(a, 2025)
  rich: = cash(a) > $8B
`;
    const checked = checkScenario(text);
    if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
    const { scenario, model, outputs } = checked.value;
    const median = simulatePoint(scenario, model, undefined, { outputs });
    expect(median.outputs.revenue_2025).toBeCloseTo(4 * Math.sqrt(3) * 1e9, 0);
    expect(median.outputs.rich).toBe(0);
    const high = simulatePoint(scenario, model, undefined, {
      outputs,
      overrides: new Map([[0, 3e9]]),
    });
    expect(high.outputs).toEqual({ revenue_2025: 12e9, rich: 1 });
  });
});
