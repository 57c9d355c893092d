// Stakes valued by cross-ownership at each quarter's end: at the investee's valuation while it
// stands, at what its cash and plant leave its shareholders once it defaults; and a holder valued
// at book whose write-down leaves its assets below its debts defaults in the same quarter.
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import { applyShocks } from "../../src/stress/applyShocks.js";
import { readShock } from "../../src/stress/readShock.js";

/**
 * Holdco (valued at book: no valuation; $12B of debt) buys half of Target for $10B at a $10B
 * pre-money valuation in 2025Q1; Target spends $3B a quarter.
 */
const SCENARIO = (holdcoCash: string) => `name: holdco
start: 2025Q1
quarters: 4
assumptions:
  unused: 1
entities:
  target:
    name: Target
    cash: $1B
    valuation: $10B
    costs: $3B
  holdco:
    name: Holdco
    cash: ${holdcoCash}
    debt: $12B
contracts:
  - { id: stake, type: equity, investor: holdco, investee: target, amount: $10B, start: 2025Q1, end: 2025Q1 }
`;

function run(holdcoCash: string, shock: string | null) {
  const checked = checkScenario(SCENARIO(holdcoCash));
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { scenario, model, correlation } = checked.value;
  const system = compileSystem(scenario, model);
  if (shock === null) return simulatePoint(scenario, model, system);
  const read = readShock(shock, checked.value);
  if (!read.ok) throw new Error(read.diagnostics.map((d) => d.message).join("; "));
  const s = applyShocks(model, system, correlation, [read.value]);
  return simulatePoint(scenario, s.model, s.system);
}

describe("stakes by cross-ownership", () => {
  it("values a stake at the investee's valuation while it stands", () => {
    const r = run("$21B", null);
    // 10 / (10 + 10) = 50% of Target, worth half its $10B valuation.
    expect(r.entities.holdco?.stakes.target?.[0]).toBeCloseTo(0.5, 12);
    expect(r.entities.holdco?.series.stakesValue[1]).toBeCloseTo(5e9, 0);
  });

  it("writes a defaulter down to what its cash leaves its shareholders; a strong holder bears it", () => {
    const r = run("$21B", "default(target) at 2025Q3");
    expect(r.entities.target?.defaultedAt).toBe("2025Q3");
    // Target has $1B + $10B − 2 × $3B = $5B left and pays nothing more: half of it is Holdco's.
    expect(r.entities.holdco?.series.stakesValue[2]).toBeCloseTo(2.5e9, 0);
    // Holdco: $11B of cash + $2.5B of stake = $13.5B ≥ $12B of debt.
    expect(r.entities.holdco?.defaultedAt).toBeNull();
  });

  it("pushes a holder into default when the write-down leaves its assets below its debts", () => {
    // Holdco: $8B of cash + $5B of stake = $13B ≥ $12B of debt before; $8B + $2.5B after.
    const before = run("$18B", null);
    expect(before.entities.holdco?.series.stakesValue.slice(0, 2)).toEqual([5e9, 5e9]);
    const r = run("$18B", "default(target) at 2025Q3");
    expect(r.entities.holdco?.defaultedAt).toBe("2025Q3");
    expect(r.events.filter((e) => e.type === "default").map((e) => e.message)).toEqual([
      "Target defaults (forced by a stress shock): its remaining contracts stop",
      "Holdco defaults (the write-down of its stakes left its assets below its debts): its remaining contracts stop",
    ]);
    const lost = r.events.find((e) => e.type === "stake-written-down");
    expect(lost?.message).toBe("Holdco's stakes lose value as Target defaulted");
    expect(lost?.amount).toBeCloseTo(2.5e9, 0);
    expect(r.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });
});
