// Take-or-pay purchases must be paid (or the buyer defaults); others are skipped by a short buyer.
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { RunResult } from "../../src/sim/result.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

function run(takeOrPay: boolean): RunResult {
  const text = `name: t
start: 2025Q1
quarters: 4
assumptions:
  x: 1
entities:
  buyer: { cash: $1B }
  seller: { cash: $1B }
contracts:
  - { id: deal, type: purchase, buyer: buyer, seller: seller, amount: $3B, take_or_pay: ${takeOrPay} }
`;
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return simulatePoint(checked.value.scenario, checked.value.model);
}

describe("take-or-pay", () => {
  it("makes a buyer that cannot pay a take-or-pay purchase default", () => {
    const r = run(true);
    expect(r.entities.buyer?.defaultedAt).toBe("2025Q1");
    expect(r.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });

  it("lets a buyer skip a purchase that is not take-or-pay, without defaulting", () => {
    const r = run(false);
    expect(r.entities.buyer?.defaultedAt).toBeNull();
    expect(r.events.filter((e) => e.type === "purchase-cut")).toHaveLength(4);
    expect(r.flows.filter((f) => f.contract === "deal")).toEqual([]);
  });
});
