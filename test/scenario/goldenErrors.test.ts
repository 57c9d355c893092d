// Golden error messages: each bad scenario's complete, formatted report (FILE:LINE:COL, the source
// line and a caret) is pinned in __golden__/NAME.txt. Run `npx vitest run -u` to accept changes.
import { describe, expect, it } from "vitest";
import { sampleModel } from "../../src/sample/sampleModel.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";
import { reportsGoldenErrors } from "../support/goldenErrors.js";

const HEAD = "name: bad\nstart: 2025Q1\nquarters: 4\nassumptions:\n";

/** Scenario texts that must fail, by golden-file name. */
const CASES: Readonly<Record<string, string>> = {
  "malformed-yaml": `${HEAD}  a: [1, 2\n  b: 3\n`,
  "duplicate-key": `${HEAD}  users: 700M\n  arpu: $240\n  users: 800M\n`,
  "unknown-top-level-key": "name: bad\nstart: 2025Q1\nquartres: 4\nassumptions:\n  a: 1\n",
  "unknown-long-form-key": `${HEAD}  a: { value: 3%, sorce: "seed:chatgpt-users" }\n`,
  "missing-key": "name: bad\nquarters: 4\nassumptions:\n  a: 1\n",
  "unknown-reference": `${HEAD}  users: 700M\n  revenue: = usres * $240\n`,
  "reference-cycle": `${HEAD}  a: = b + 1\n  b: = c * 2\n  c: = a - 3\n`,
  "self-reference": `${HEAD}  a: = a + 1\n`,
  "interval-reversed": `${HEAD}  share: 4% to 2%\n`,
  "interval-missing-end": `${HEAD}  share: 2% to\n`,
  "interval-missing-start": `${HEAD}  share: to 4%\n`,
  "negative-sd": `${HEAD}  x: normal($10B, $-2B)\n`,
  "probability-above-one": `${HEAD}  hit: bernoulli(120%)\n`,
  "beta-non-positive": `${HEAD}  share: beta(0, 2)\n`,
  "money-plus-power": `${HEAD}  capex: $50B\n  power: 10 GW\n  total: = capex + power\n`,
  "nan-literal": `${HEAD}  x: .nan\n`,
  "infinity-in-formula": `${HEAD}  x: = Infinity * 2\n`,
  "quarter-five": "name: bad\nstart: 2025Q5\nquarters: 4\nassumptions:\n  a: 1\n",
  "zero-quarters": "name: bad\nstart: 2025Q1\nquarters: 0\nassumptions:\n  a: 1\n",
  "empty-file": "",
  "reference-without-formula": `${HEAD}  users: 700M\n  payers: users * 3%\n`,
  "unknown-function": `${HEAD}  x: = lognorm(1, 2)\n`,
  "wrong-arity": `${HEAD}  x: normal(1)\n`,
  "weights-not-one": `${HEAD}  x: discrete([$1B, $2B], [0.5, 0.6])\n`,
  "lognormal-negative-median": `${HEAD}  x: lognormal($-1B, 0.5)\n`,
  "truncate-unit-mismatch": `${HEAD}  x: truncate(normal($1B, $1B), 0, 5 GW)\n`,
  "invalid-name": `${HEAD}  "paying share": 3%\n`,
  "reserved-name": `${HEAD}  max: 3\n`,
  "clearing-unknown": `name: bad\nstart: 2025Q1\nquarters: 4\nclearing: eisenberg\nassumptions:\n  a: 1\n`,
  "clearing-rv-parameters": `name: bad\nstart: 2025Q1\nquarters: 4\nclearing: {method: rogers-veraart, alpha: 1.5}\nassumptions:\n  a: 1\n`,
  "exponent-with-unit": `${HEAD}  x: = 2 ^ $3\n`,
  "constant-division-by-zero": `${HEAD}  x: = $5B / 0\n`,
  "log-of-zero": `${HEAD}  x: = log(0)\n`,
  "list-outside-distribution": `${HEAD}  x: = [1, 2] * 3\n`,
  "money-with-percent": `${HEAD}  x: $5%\n`,
  "garbled-number": `${HEAD}  x: 3Mx\n`,
  "truncate-empty-interval": `${HEAD}  x: truncate(normal(0, 1), 20, 30)\n`,
  "many-problems-at-once":
    "name: bad\nstart: 2025Q7\nquarters: -1\nassumptions:\n  a: 1 to\n  b: = zz + 1\n  c: 10 GW + $1B\n",
};

describe("golden error messages", () => {
  it("pins at least 25 distinct bad inputs", () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(25);
  });

  reportsGoldenErrors(CASES, (name) => `__golden__/${name}.txt`);

  it("reports a division by zero per sample, not as NaN", async () => {
    const text = `${HEAD}  margin: discrete([0, 10%, 20%], [0.25, 0.5, 0.25])\n  cost: $5B\n  ratio: = cost / margin\n`;
    const checked = checkScenario(text);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const sampled = sampleModel(checked.value.model, { samples: 10_000, seed: 1, start: 8100 });
    expect(sampled.ok).toBe(false);
    if (sampled.ok) return;
    await expect(
      `${formatDiagnostics("division.yaml", text, sampled.diagnostics)}\n`,
    ).toMatchFileSnapshot("__golden__/division-by-zero-per-sample.txt");
  });
});
