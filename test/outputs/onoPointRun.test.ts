// Outputs of the built-in ono scenario evaluated on its point run (count = 1): the recording is
// recorded from simulatePoint's series, defaults and per-quarter assumption values, and the outputs
// must agree with the run's own figures (README: OpenAI's net income is $-73.7B in 2027).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateOutputs } from "../../src/outputs/evaluateOutputs.js";
import type { OutputsPlan, SeriesRef } from "../../src/outputs/outputsPlan.js";
import { type Recorded, recordingFor } from "../../src/outputs/recorded.js";
import type { SlotSource } from "../../src/outputs/recordingPlan.js";
import { recordQuarter } from "../../src/outputs/recordQuarter.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { clockAt } from "../../src/sample/evaluateBlocks.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { parseQuarter } from "../../src/scenario/quarter.js";
import { pointValues, timeVaryingOrder } from "../../src/sim/pointValues.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

const ONO = readFileSync("scenarios/ono.yaml", "utf8");

/** The outputs of ono with `extra` outputs added, on its point run, by name. */
function pointOutputs(extra: string): Record<string, number> {
  const checked = checkScenario(`${ONO}${ONO.includes("\noutputs:") ? "" : "outputs:\n"}${extra}`);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, outputs: plan } = checked.value;
  const run = simulatePoint(scenario, model);
  const ids = scenario.system.entities.map((e) => e.id);
  const values = new Float64Array(model.assumptions.length);
  const later = timeVaryingOrder(model);
  const recorded = recordingFor(plan, 1, scenario.quarters, ids.length);
  for (let q = 0; q < scenario.quarters; q++) {
    pointValues(model, values, clockAt(scenario.start, q), q === 0 ? model.evaluationOrder : later);
    const quarterValues = (source: SlotSource, ref: number) => {
      if (source === "assumption")
        return Float64Array.of(values[plan.assumptions[ref] as number] as number);
      const s = plan.series[ref] as SeriesRef;
      return Float64Array.of(run.entities[ids[s.entity] as string]?.series[s.metric][q] as number);
    };
    recordQuarter(recorded, q, quarterValues, {
      start: scenario.start,
      offset: 0,
      issues: new DomainIssues(),
    });
  }
  ids.forEach((id, e) => {
    const at = run.entities[id]?.defaultedAt ?? null;
    recorded.defaultedAt[e] = at === null ? -1 : (parseQuarter(at) as number) - scenario.start;
  });
  return evaluate(plan, recorded);
}

function evaluate(plan: OutputsPlan, recorded: Recorded): Record<string, number> {
  const out = plan.outputs.map(() => new Float64Array(1));
  const nonFinite = evaluateOutputs(plan, recorded, out, 0, new DomainIssues());
  expect([...nonFinite].every((n) => n === 0)).toBe(true);
  return Object.fromEntries(plan.outputs.map((o, i) => [o.name, out[i]?.[0] as number]));
}

const checked = checkScenario(ONO);
if (!checked.ok) throw new Error("ono does not check");
const run = simulatePoint(checked.value.scenario, checked.value.model);
const openai = run.entities.openai!;
const q2027 = run.quarters
  .map((label, q) => [label, q] as const)
  .filter(([l]) => l.startsWith("2027"));

describe("outputs on the ono point run", () => {
  const got = pointOutputs(
    [
      "  ni_2027: = netIncome(openai, 2027)",
      "  cash_2027q4: = cash(openai, 2027Q4)",
      "  profitable_2029_test: = netIncome(openai, 2029) > 0",
      "  cash_low: = firstQuarter(cash(openai) < $5.5B)",
      "  revenue_at_2027q1: = at(openai_revenue, 2027Q1)",
      "  openai_cash_assumption: = openai.cash",
    ].join("\n"),
  );

  it("sums OpenAI's 2027 quarters for netIncome(openai, 2027): $-73.7B", () => {
    const sum = q2027.reduce((acc, [, q]) => acc + (openai.series.netIncome[q] as number), 0);
    expect(got.ni_2027).toBe(sum);
    expect(got.ni_2027! / 1e9).toBeCloseTo(-73.7, 1);
  });

  it("reads a stock at a quarter and a condition over a year", () => {
    expect(got.cash_2027q4).toBe(openai.series.cash[run.quarters.indexOf("2027Q4")]);
    expect(got.profitable_2029_test).toBe(1);
  });

  it("finds the first quarter OpenAI's cash falls below $5.5B", () => {
    const first = openai.series.cash.findIndex((c) => c < 5.5e9);
    expect(got.cash_low).toBe(first + 1);
  });

  it("reads an assumption at a quarter and an entity field", () => {
    expect(got.revenue_at_2027q1).toBeGreaterThan(0);
    expect(got.openai_cash_assumption! / 1e9).toBeGreaterThan(8);
  });

  it("evaluates the outputs ono.yaml declares", () => {
    expect(got.openai_defaults).toBe(0);
    expect(got.openai_default_quarter).toBe(29);
    expect(got.openai_profitable_2029).toBe(1);
  });
});
