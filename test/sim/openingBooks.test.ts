// An entity's opening debt is the value of its assumption, no lower than 0: a debt drawn below
// zero opens the books with no debt at all, in the point run and in the Monte Carlo alike.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { simulateMonteCarlo } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

const loan = readFileSync("examples/loan.yaml", "utf8");

/** The loan loop with the cloud's opening debt set to `debt`. */
function withDebt(debt: string) {
  const text = loan.replace("    costs: $0.3B\n", `    costs: $0.3B\n    debt: ${debt}\n`);
  expect(text).not.toBe(loan);
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error("the loan loop with an opening debt does not check");
  return checked.value;
}

describe("opening books", () => {
  const none = withDebt("$0");
  const negative = withDebt("normal(-$5B, $1B)");
  const some = withDebt("$1B");

  it("open a point run with no debt where the debt's median is below zero", () => {
    const run = (c: typeof none) => simulatePoint(c.scenario, c.model).entities;
    expect(run(negative)).toEqual(run(none));
    expect(run(some)).not.toEqual(run(none));
  });

  it("open every sample of a Monte Carlo with no debt where its draw is below zero", () => {
    const run = (c: typeof none) => {
      const mc = simulateMonteCarlo(c.scenario, c.model, { samples: 2000, seed: 3 });
      if (!mc.ok) throw new Error("the Monte Carlo failed");
      return { summary: mc.value.summary, probabilities: mc.value.probabilities };
    };
    expect(run(negative)).toEqual(run(none));
    expect(run(some)).not.toEqual(run(none));
  });
});
