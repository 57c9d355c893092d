// Golden error messages of the outputs section: each bad output's complete, formatted report is
// pinned in test/scenario/__golden__/outputs/NAME.txt. Run `npx vitest run -u` to accept changes.
import { describe, expect, it } from "vitest";
import { reportsGoldenErrors } from "../support/goldenErrors.js";

const HEAD = `name: bad
start: 2025Q1
quarters: 8
assumptions:
  users: 700M
  price: $20
entities:
  openai: { cash: $10B, valuation: $500B }
  oracle-cloud: { cash: $50B }
outputs:
`;

/** Outputs sections that must fail, by golden-file name. */
const CASES: Readonly<Record<string, string>> = {
  "unknown-entity": "  x: = cash(opnai, 2026)\n",
  "unknown-metric": "  x: = revenu(openai, 2026)\n",
  "unknown-assumption": "  x: = usres * price\n",
  "series-without-call": "  x: = revenue > 0\n",
  "wrong-argument-count": "  x: = cash(openai, 2026, 2027)\n  y: = defaulted()\n",
  "period-outside-horizon": "  x: = netIncome(openai, 2029) > 0\n  y: = at(price, 2024Q4)\n",
  "period-not-a-literal": "  x: = cash(openai, price)\n",
  "output-unit-mismatch":
    "  x: = cash(openai) + gw(oracle-cloud)\n  y: = revenue(openai, 2026) > 5\n",
  "output-name-clash": "  users: = cash(openai)\n",
  "output-not-a-formula": "  x: cash(openai)\n",
  "output-reads-output": "  a: = cash(openai)\n  b: = a * 2\n",
  "random-in-output": "  x: = cash(openai) * normal(1, 0.1)\n",
  "unknown-output-key": '  x: { value: "= cash(openai)", nte: hi }\n',
  "many-output-problems":
    "  users: = cash(opnai) + nope\n  b: = firstQuarter(cash(openai) < 10 GW)\n  c: = defaultQuarter(openai, 2026)\n",
};

describe("golden error messages of outputs", () => {
  it("pins at least 6 distinct bad outputs", () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(6);
  });

  reportsGoldenErrors(
    Object.fromEntries(Object.entries(CASES).map(([name, outputs]) => [name, `${HEAD}${outputs}`])),
    (name) => `../scenario/__golden__/outputs/${name}.txt`,
  );
});
