// Which checked values a whole-run kernel adds to its finiteness check (finiteCover.ts): those
// no later checked value is sure to turn non-finite with them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { uncoveredValues } from "../../src/sample/finiteCover.js";
import { compileProgram } from "../../src/sample/program.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { timeVaryingOrder } from "../../src/sim/pointValues.js";
import { HEAD } from "../support/randomModels.js";

/** The names of the values `text` checks in a quarter of each kind, with or without a next. */
function uncovered(text: string) {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const { model } = checked.value;
  const program = compileProgram(model);
  const varying = timeVaryingOrder(model);
  const names = (first: boolean, next: boolean) =>
    uncoveredValues(program, varying, first, next).map((i) => model.assumptions[i]?.name);
  return { first: names(true, true), later: names(false, true), last: names(false, false) };
}

describe("uncoveredValues", () => {
  it("leaves nothing to check in M2's quarters but the last: each value feeds a stock or a flow", () => {
    const m2 = uncovered(readFileSync("examples/m2.yaml", "utf8"));
    expect(m2.first).toEqual([]);
    expect(m2.later).toEqual([]);
    expect(m2.last).toEqual(["additions.flow", "revenue.flow", "gpus.flow", "net_cash", "cash_m2"]);
  });

  it("covers through sums, products, quotients' numerators, logs and copies, not through exp, min or a divisor", () => {
    const text = `${HEAD}  x: 1 to 2
  s: { stock: 1, flow: = x }
  a: = s * 2
  b: = a / x + log(s)
  c: = exp(b)
  d: = min(c, 5)
  e: = 1 / d
  f: = e
  g: = -f
`;
    // a is covered by b; b by nothing (exp and a divisor do not pass a non-finite value on); c by
    // nothing (min); d by nothing; e by f, a copy covered by g.
    expect(uncovered(text).later).toEqual(["b", "c", "d", "g"]);
    expect(uncovered(text).first).toEqual(["b", "c", "d", "g"]);
  });
});
