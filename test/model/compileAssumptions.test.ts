// compileAssumptions: units of results, constant folding, dependency order, kinds.
import { describe, expect, it } from "vitest";
import { compileAssumptions } from "../../src/model/compileAssumptions.js";
import type { Model } from "../../src/model/model.js";
import { loadScenario } from "../../src/scenario/loadScenario.js";
import { unitName } from "../../src/units/unit.js";

function compile(assumptions: string): Model {
  const text = `name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n${assumptions}`;
  const loaded = loadScenario(text);
  expect(loaded.diagnostics).toEqual([]);
  const r = compileAssumptions(loaded.assumptions);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.value;
}

function unitOf(model: Model, name: string): string {
  const a = model.assumptions.find((x) => x.name === name);
  if (a === undefined) throw new Error(name);
  return unitName(a.unit);
}

describe("compileAssumptions", () => {
  it("gives money × ratio money, money / money a plain number, power × $/W money", () => {
    const m = compile(
      "  cost: $10B\n  share: 3%\n  gw: 10 GW\n  per_gw: $50B/GW\n  a: = cost * share\n  b: = cost / cost\n  c: = gw * per_gw\n  d: = cost / gw\n  e: = 700M * share * $240\n",
    );
    expect(unitOf(m, "a")).toBe("USD");
    expect(unitOf(m, "b")).toBe("number");
    expect(unitOf(m, "c")).toBe("USD");
    expect(unitOf(m, "d")).toBe("USD/W");
    expect(unitOf(m, "e")).toBe("USD");
    expect(unitOf(m, "share")).toBe("%");
  });

  it("lets a plain 0 stand for zero of any unit", () => {
    const m = compile("  profit: $-3B to $5B\n  kept: = max(0, profit)\n  range: 0 to $5B\n");
    expect(unitOf(m, "kept")).toBe("USD");
    expect(unitOf(m, "range")).toBe("USD");
  });

  it("folds constant formulas to fixed values", () => {
    const m = compile("  a: = $10B * 2 + $1B\n");
    const a = m.assumptions[0];
    expect(a?.kind).toBe("fixed");
    expect(a?.node).toEqual({ k: "const", value: 21e9 });
  });

  it("orders assumptions so that references come first, whatever the file order", () => {
    const m = compile("  c: = b * 2\n  b: = a + 1\n  a: 1 to 2\n");
    expect(m.evaluationOrder).toEqual([2, 1, 0]);
  });

  it("builds a lognormal for a positive A to B and a normal otherwise, with A and B at the 5th and 95th percentiles", () => {
    const m = compile("  pos: 2% to 4%\n  neg: $-1B to $3B\n");
    const [pos, neg] = m.assumptions;
    expect(pos?.distribution).toMatchObject({ kind: "lognormal" });
    if (pos?.distribution?.kind !== "lognormal") return;
    expect(pos.distribution.mu).toBeCloseTo(Math.log(0.02 * 0.04) / 2, 14);
    expect(pos.distribution.sigma).toBeCloseTo(Math.log(2) / (2 * 1.6448536269514722), 14);
    expect(neg?.distribution).toEqual({
      kind: "normal",
      mean: 1e9,
      sd: 4e9 / (2 * 1.6448536269514722),
    });
  });
});
