// evaluateOutputs on hand-made recordings: the horizon is 2025Q3–2026Q4 (quarters 0–5, two of
// them in 2025); series r of sample i in quarter q holds 1000·(r + 1) + 10·q + i, so every
// expected value below is a small sum worked out by hand.
import { describe, expect, it } from "vitest";
import { evaluateOutputs } from "../../src/outputs/evaluateOutputs.js";
import type { OutputsPlan } from "../../src/outputs/outputsPlan.js";
import type { Recorded } from "../../src/outputs/recorded.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { planOf, record } from "./support.js";

const COUNT = 3;
const series = (r: number, q: number, i: number) => 1000 * (r + 1) + 10 * q + i;
const assumption = (r: number, q: number, i: number) => 100 * (r + 1) + q + i / 10;

/** Every output of `plan` for every sample, as rows of numbers. */
function evaluate(plan: OutputsPlan, recorded: Recorded): number[][] {
  const out = plan.outputs.map(() => new Float64Array(recorded.count));
  const nonFinite = evaluateOutputs(plan, recorded, out, 0, new DomainIssues());
  expect([...nonFinite]).toEqual(plan.outputs.map(() => 0));
  return out.map((column) => [...column]);
}

/** The outputs of `lines`, the same whether the formulas are compiled or interpreted. */
function outputs(lines: string, defaults: number[][] = []): number[][] {
  const plan = planOf(lines);
  const interpreted = evaluate(plan, record(plan, COUNT, series, assumption, { defaults }));
  const compiled = record(plan, COUNT, series, assumption, { defaults, kernels: true });
  expect(compiled.kernel).not.toBeNull();
  expect(evaluate(plan, compiled)).toEqual(interpreted);
  return interpreted;
}

describe("evaluateOutputs: series", () => {
  it("sums a flow over the quarters of a year inside the horizon", () => {
    // revenue of lab is series 0: 2025 = quarters 0 and 1; 2026 = quarters 2 to 5.
    expect(outputs("  a: = revenue(lab, 2025)\n  b: = revenue(lab, 2026)\n")).toEqual([
      [2010, 2012, 2014],
      [4140, 4144, 4148],
    ]);
  });

  it("takes a stock at the year's last quarter inside the horizon", () => {
    expect(outputs("  a: = cash(lab, 2025)\n  b: = cash(lab, 2026)\n")).toEqual([
      [1010, 1011, 1012],
      [1050, 1051, 1052],
    ]);
  });

  it("reads one quarter for a quarter label, flow or stock", () => {
    expect(outputs("  a: = revenue(lab, 2026Q1)\n  b: = debt(cloud-co, 2025Q4)\n")).toEqual([
      [1020, 1021, 1022],
      [2010, 2011, 2012],
    ]);
  });

  it("sums a flow over the whole run and takes a stock at its end without a period", () => {
    expect(outputs("  a: = revenue(lab)\n  b: = cash(lab)\n")).toEqual([
      [6150, 6156, 6162],
      [2050, 2051, 2052],
    ]);
  });

  it("computes with units: gw in watts, gpus as counts", () => {
    expect(outputs("  a: = gw(lab, 2026Q4) / 1 GW\n  b: = gpus(lab) * 2\n")).toEqual([
      [1050e-9, 1051e-9, 1052e-9],
      [4100, 4102, 4104],
    ]);
  });
});

describe("evaluateOutputs: assumptions and the clock", () => {
  it("reads a bare name in the last quarter and at(name, quarter) in that quarter", () => {
    expect(outputs("  a: = ramp\n  b: = at(ramp, 2025Q4)\n")).toEqual([
      [105, 105.1, 105.2],
      [101, 101.1, 101.2],
    ]);
  });

  it("reads the clock in the last quarter", () => {
    expect(outputs("  a: = t\n  b: = year\n  c: = now == 2026Q4\n")).toEqual([
      [5, 5, 5],
      [2026, 2026, 2026],
      [1, 1, 1],
    ]);
  });
});

describe("evaluateOutputs: defaults", () => {
  const lines = "  a: = defaulted(lab)\n  b: = defaultQuarter(lab)\n  c: = defaulted(cloud-co)\n";

  it("gives defaulted 1 and the 1-based quarter of the default, quarters + 1 when none", () => {
    expect(outputs(lines, [[-1, 0, 5]])).toEqual([
      [0, 1, 1],
      [7, 1, 6],
      [0, 0, 0],
    ]);
  });

  it("tests defaulted(…) by the quarter inside firstQuarter", () => {
    expect(outputs("  a: = firstQuarter(defaulted(lab))\n", [[-1, 0, 3]])).toEqual([[7, 1, 4]]);
  });
});

describe("evaluateOutputs: firstQuarter", () => {
  it("gives the 1-based first quarter of a condition on the quarter's series", () => {
    // cash of lab in quarter q of sample i is 1000 + 10q + i.
    expect(outputs("  a: = firstQuarter(cash(lab) >= $1031)\n")).toEqual([[5, 4, 4]]);
  });

  it("gives quarters + 1 when the condition never holds", () => {
    expect(outputs("  a: = firstQuarter(cash(lab) < 0)\n")).toEqual([[7, 7, 7]]);
  });

  it("evaluates bare names and the clock per quarter", () => {
    expect(
      outputs("  a: = firstQuarter(ramp > $102.15)\n  b: = firstQuarter(year == 2026)\n"),
    ).toEqual([
      [4, 4, 3],
      [3, 3, 3],
    ]);
  });

  it("keeps a period's meaning inside the condition", () => {
    expect(outputs("  a: = firstQuarter(cash(lab) > cash(lab, 2026Q1))\n")).toEqual([[4, 4, 4]]);
  });
});

describe("evaluateOutputs: conditions", () => {
  it("gives 1 or 0 for comparisons, and, or, not", () => {
    const lines = [
      "  a: = revenue(lab, 2025) > $2011",
      "  b: = and(cash(lab) > $2050, cash(lab) < $2052)",
      "  c: = or(cash(lab) == $2050, cash(lab) == $2052)",
      "  d: = not(cash(lab) == $2050)",
    ].join("\n");
    expect(outputs(lines)).toEqual([
      [0, 1, 1],
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 1],
    ]);
  });

  it("accepts a plain 0 against any unit", () => {
    expect(outputs("  a: = netIncome(lab, 2026) > 0\n  b: = max(0, cash(lab) - $2051)\n")).toEqual([
      [1, 1, 1],
      [0, 0, 1],
    ]);
  });
});

describe("evaluateOutputs: chunks", () => {
  it("writes at the offset and leaves the rest of the column alone", () => {
    const plan = planOf("  a: = cash(lab, 2025Q3)\n");
    const out = [new Float64Array(5).fill(-1)];
    evaluateOutputs(plan, record(plan, COUNT, series, assumption), out, 2, new DomainIssues());
    expect([...(out[0] as Float64Array)]).toEqual([-1, -1, 1000, 1001, 1002]);
  });

  // About 1.4 ms for all three on the development machine (firstQuarter is most of it: it runs its
  // condition once per quarter); the bound guards against work per sample, with room for busy CI.
  it("evaluates 10,000 samples of three outputs in a few milliseconds", () => {
    const plan = planOf(
      "  a: = netIncome(lab, 2026) > 0\n  b: = cash(lab, 2026Q2) / $1B\n  c: = firstQuarter(cash(lab) < $1030)\n",
    );
    const recorded = record(plan, 10_000, series, assumption, { kernels: true });
    const out = plan.outputs.map(() => new Float64Array(10_000));
    const issues = new DomainIssues();
    for (let k = 0; k < 20; k++) evaluateOutputs(plan, recorded, out, 0, issues);
    const t0 = performance.now();
    const runs = 50;
    for (let k = 0; k < runs; k++) evaluateOutputs(plan, recorded, out, 0, issues);
    expect((performance.now() - t0) / runs).toBeLessThan(5);
  });
});
