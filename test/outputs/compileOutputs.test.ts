// compileOutputs: what a plan records, the units and booleans of outputs, and the lexing of
// dotted names. Semantics are in evaluateOutputs.test.ts, messages in goldenOutputErrors.
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/expr/parser.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { MONEY, PLAIN, POWER } from "../../src/units/unit.js";
import { HEAD, planOf } from "./support.js";

describe("compileOutputs", () => {
  it("gives an empty plan when the scenario declares no outputs", () => {
    const checked = checkScenario(HEAD);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.outputs.outputs).toEqual([]);
    expect(checked.value.outputs.series).toEqual([]);
    expect(checked.value.outputs.defaults).toBe(false);
  });

  it("lists outputs in file order with their text, unit, note and whether they are conditions", () => {
    const plan = planOf(
      [
        "  profitable: = netIncome(lab, 2026) > 0",
        "  cash_end: = cash(lab, 2026Q2)",
        '  total: { value: "= revenue(cloud-co)", note: every quarter }',
        "  failed: = defaulted(lab)",
        "  both: = and(defaulted(lab), cash(cloud-co) < $1B)",
        "  power: = gw(lab)",
        "  gpus: = gpus(lab, 2026)",
        "  when: = defaultQuarter(lab)",
      ].join("\n"),
    );
    expect(plan.outputs.map((o) => [o.name, o.unit, o.boolean])).toEqual([
      ["profitable", PLAIN, true],
      ["cash_end", MONEY, false],
      ["total", MONEY, false],
      ["failed", PLAIN, true],
      ["both", PLAIN, true],
      ["power", POWER, false],
      ["gpus", PLAIN, false],
      ["when", PLAIN, false],
    ]);
    expect(plan.outputs[2]).toMatchObject({ text: "revenue(cloud-co)", note: "every quarter" });
    expect(plan.defaults).toBe(true);
  });

  it("records each (entity, series) once, with entities indexed in file order", () => {
    const plan = planOf(
      "  a: = cash(lab) + cash(lab, 2025) - revenue(cloud-co)\n  b: = cash(lab, 2026Q1)\n",
    );
    expect(plan.series).toEqual([
      { entity: 0, metric: "cash" },
      { entity: 1, metric: "revenue" },
    ]);
    expect(plan.assumptions).toEqual([]);
    expect(plan.defaults).toBe(false);
  });

  it("records the model columns of bare names, at(…) and entity fields", () => {
    const plan = planOf("  a: = price * 2 + at(price, 2026Q1)\n  b: = ramp + lab.cash\n");
    // Columns: price 0, ramp 1, share 2, then the loop's fields (lab.cash first).
    expect(plan.assumptions).toEqual([0, 1, 3]);
    expect(plan.outputs.map((o) => o.unit)).toEqual([MONEY, MONEY]);
  });

  it("multiplies and divides units as formulas do", () => {
    const plan = planOf(
      "  per_gw: = capex(lab) / gw(lab)\n  margin: = netIncome(lab) / revenue(lab)\n  scaled: = share * cash(lab)\n",
    );
    expect(plan.outputs.map((o) => o.unit)).toEqual([
      { money: 1, power: -1, percent: false },
      PLAIN,
      MONEY,
    ]);
  });

  it("is a plain-data plan that survives structured cloning", () => {
    const plan = planOf(
      "  a: = firstQuarter(cash(lab) < $1B) + max(defaultQuarter(lab), price / $1)\n",
    );
    expect(structuredClone(plan)).toEqual(plan);
  });
});

describe("dotted names in output formulas", () => {
  it("reads openai.cash and oracle-stargate.online as one name only when asked", () => {
    const dotted = parseExpression("openai.cash + oracle-stargate.online * x", {
      dottedNames: true,
    });
    expect(dotted.ok && dotted.expr.type === "binary" && dotted.expr.left).toMatchObject({
      type: "ref",
      name: "openai.cash",
    });
    expect(parseExpression("openai.cash").ok).toBe(false);
  });

  it("still reads a - b as a subtraction when no dot follows", () => {
    const r = parseExpression("a-b", { dottedNames: true });
    expect(r.ok && r.expr.type).toBe("binary");
  });
});
