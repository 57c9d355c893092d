// The point run of the built-in ono scenario against the acceptance figures of the simulation
// issue (seed figures cited per test).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { yearlySum } from "../../src/report/yearly.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { RunResult } from "../../src/sim/result.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

const ONO = readFileSync("scenarios/ono.yaml", "utf8");

function run(text: string): RunResult {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return simulatePoint(checked.value.scenario, checked.value.model);
}

const base = run(ONO);
const openai = base.entities.openai!;

describe("ono point run", () => {
  it("conserves money every quarter to within $1", () => {
    expect(base.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });

  it("gives Nvidia 1.9%–2.1% of OpenAI right after the first $10B tranche at $500B (seed:first-tranche-stake)", () => {
    const stake = base.entities.nvidia!.stakes.openai!;
    const first = stake.findIndex((x) => x > 0);
    expect(base.quarters[first]).toBe("2026Q3");
    expect(stake[first]).toBeGreaterThanOrEqual(0.019);
    expect(stake[first]).toBeLessThanOrEqual(0.021);
  });

  it("turns 10 GW for OpenAI into 4–5 million GPUs (seed:gw-to-gpus)", () => {
    const gw = base.quarters.map(
      (_, q) => openai.series.gw[q]! + base.entities.oracle!.series.gw[q]!,
    );
    const reached = gw.findIndex((x) => x >= 10e9 - 1);
    expect(reached).toBeGreaterThan(0);
    const gpus = openai.series.gpus[reached]! + base.entities.oracle!.series.gpus[reached]!;
    expect(gpus).toBeGreaterThanOrEqual(4e6);
    expect(gpus).toBeLessThanOrEqual(5e6);
  });

  it("has OpenAI lose about $5B in 2025 and $14B in 2026, and lose money every year through 2028 (seed:openai-losses)", () => {
    const ni = yearlySum(base.quarters, openai.series.netIncome);
    expect(ni[0]! / -5e9).toBeGreaterThan(0.85);
    expect(ni[0]! / -5e9).toBeLessThan(1.15);
    expect(ni[1]! / -14e9).toBeGreaterThan(0.85);
    expect(ni[1]! / -14e9).toBeLessThan(1.15);
    expect(ni.slice(0, 4).every((x) => x < 0)).toBe(true);
  });

  it("pays Oracle's $300B contract in full over its term (seed:oracle-contract)", () => {
    const paid = base.flows
      .filter((f) => f.contract === "oracle-openai-cloud")
      .reduce((a, f) => a + f.amount, 0);
    expect(paid).toBeCloseTo(300e9, -3);
    expect(openai.defaultedAt).toBeNull();
  });

  it("when OpenAI's outside funding stops in 2026Q3, OpenAI defaults and Oracle and Nvidia lose its contracts", () => {
    const shocked = run(ONO.replace("value: 2040Q1", "value: 2026Q3"));
    expect(shocked.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
    const at = shocked.entities.openai!.defaultedAt;
    expect(at).not.toBeNull();
    const lost = shocked.events.filter((e) => e.type === "contract-lost" && e.quarter === at);
    expect(
      lost.some(
        (e) =>
          e.entity === "oracle" && e.message.includes("oracle-openai-cloud") && e.amount > 200e9,
      ),
    ).toBe(true);
    expect(lost.some((e) => e.entity === "nvidia")).toBe(true);
    expect(shocked.events.some((e) => e.type === "default" && e.entity === "openai")).toBe(true);
    const after = shocked.flows.filter(
      (f) => f.contract === "oracle-openai-cloud" && f.quarter > (at as string),
    );
    expect(after).toEqual([]);
  });

  it("documents every number of the scenario with a source (assumptions with a value)", () => {
    const checked = checkScenario(ONO);
    if (!checked.ok) throw new Error("ono does not check");
    const unsourced = checked.value.model.assumptions.filter(
      (a) =>
        !a.name.includes(".") &&
        a.kind !== "formula" &&
        a.source === undefined &&
        a.note === undefined,
    );
    expect(unsourced.map((a) => a.name)).toEqual([]);
  });
});

describe("examples", () => {
  for (const file of ["examples/ring.yaml", "examples/loan.yaml"]) {
    it(`${file} runs and conserves money`, () => {
      const result = run(readFileSync(file, "utf8"));
      expect(result.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
      expect(result.flows.length).toBeGreaterThan(0);
    });
  }

  it("the loan example repays the loan's principal and interest to the lender", () => {
    const result = run(readFileSync("examples/loan.yaml", "utf8"));
    const lent = result.flows
      .filter((f) => f.contract === "chips-lends-cloud" && f.from === "chips")
      .reduce((a, f) => a + f.amount, 0);
    const principal = result.flows
      .filter((f) => f.contract === "chips-lends-cloud" && f.kind === "principal")
      .reduce((a, f) => a + f.amount, 0);
    expect(lent).toBe(10e9);
    expect(principal).toBeCloseTo(10e9, -2);
  });
});

describe("cash-flow view", () => {
  it("splits each quarter's change of cash into operating, investing and financing flows", () => {
    for (const e of Object.values(base.entities)) {
      let previous =
        e.series.cash[0]! -
        e.series.operatingCashFlow[0]! -
        e.series.investingCashFlow[0]! -
        e.series.financingCashFlow[0]!;
      base.quarters.forEach((_, q) => {
        const flows =
          e.series.operatingCashFlow[q]! +
          e.series.investingCashFlow[q]! +
          e.series.financingCashFlow[q]!;
        expect(e.series.cash[q]! - previous).toBeCloseTo(flows, -1);
        previous = e.series.cash[q]!;
      });
    }
    const oracleInvesting = yearlySum(
      base.quarters,
      base.entities.oracle!.series.investingCashFlow,
    );
    expect(oracleInvesting[2]).toBeLessThan(0);
  });
});
