// simulateMonteCarlo: determinism, agreement with the point run when nothing is uncertain, and
// probabilities that respond to a funding stop.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { MonteCarloResult } from "../../src/sim/monteCarloSummary.js";
import { simulateMonteCarlo } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

function monteCarlo(text: string, samples: number, seed: number): MonteCarloResult {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, outputs } = checked.value;
  const r = simulateMonteCarlo(scenario, model, { samples, seed, outputs });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.value;
}

const RING = readFileSync("examples/ring.yaml", "utf8");
const ONO = readFileSync("scenarios/ono.yaml", "utf8");

describe("simulateMonteCarlo", () => {
  it("gives the same result, bit for bit, for the same seed, and another for another seed", () => {
    const a = JSON.stringify(monteCarlo(RING, 300, 5));
    expect(JSON.stringify(monteCarlo(RING, 300, 5))).toBe(a);
    expect(JSON.stringify(monteCarlo(RING, 300, 6))).not.toBe(a);
  });

  it("agrees with the point run in every sample when no value is uncertain", () => {
    const fixed = RING.replace("a_sales: $2B to $3B", "a_sales: $2.5B");
    const checked = checkScenario(fixed);
    if (!checked.ok) throw new Error("ring does not check");
    const point = simulatePoint(checked.value.scenario, checked.value.model);
    const mc = monteCarlo(fixed, 50, 1);
    for (const [id, e] of Object.entries(point.entities)) {
      e.series.cash.forEach((cash, q) => {
        const band = mc.summary[id]?.cash.quarters[q];
        expect(band?.p5).toBeCloseTo(cash, 3);
        expect(band?.p95).toBeCloseTo(cash, 3);
      });
    }
  });

  it("conserves money in every sample of ono, and makes OpenAI's default far likelier when its funding stops", () => {
    const base = monteCarlo(ONO, 200, 1);
    const shocked = monteCarlo(ONO.replace("value: 2040Q1", "value: 2026Q3"), 200, 1);
    expect(base.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
    expect(shocked.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
    const p = (r: MonteCarloResult) => r.probabilities.openai?.defaultBy.at(-1) as number;
    expect(p(base)).toBeLessThan(0.5);
    expect(p(shocked)).toBeGreaterThan(0.9);
    expect(base.summary.openai?.netIncome.years).toHaveLength(7);
  });

  it("summarises declared outputs from the same numbers as the bands, with probabilities for conditions", () => {
    const withOutputs = `${RING}
outputs:
  a_revenue_2025: = revenue(a, 2025)
  a_cash_end: = cash(a)
  a_profitable_2025: = netIncome(a, 2025) > 0
  b_defaults: = defaulted(b)
  sales_last: = a_sales
`;
    const r = monteCarlo(withOutputs, 3000, 2);
    const a = r.summary.a;
    expect(r.outputs.a_revenue_2025).toEqual(a?.revenue.years[0]);
    expect(r.outputs.a_cash_end).toEqual(a?.cash.quarters.at(-1));
    expect(r.outputs.a_profitable_2025?.probability).toBe(r.probabilities.a?.profitableIn[0]);
    expect(r.outputs.b_defaults?.probability).toBe(r.probabilities.b?.defaultBy.at(-1));
    expect(r.outputs.a_revenue_2025).not.toHaveProperty("probability");
    expect(r.outputs.sales_last?.p50).toBeGreaterThan(2.4e9);
    expect(r.outputs.sales_last?.p50).toBeLessThan(2.6e9);
  });
});
