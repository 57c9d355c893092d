// Golden error messages of stocks ({ stock, flow }): each bad scenario's formatted report is
// pinned in __golden__/NAME.txt. Run `npx vitest run -u` to accept changes.
import { describe } from "vitest";
import { reportsGoldenErrors } from "../support/goldenErrors.js";

const HEAD = "name: bad\nstart: 2025Q1\nquarters: 4\nassumptions:\n";

/** Scenario texts that must fail, by golden-file name. */
const CASES: Readonly<Record<string, string>> = {
  "stock-flow-unit-mismatch": `${HEAD}  power: 1 GW\n  cash: { stock: $10B, flow: = power * 2 }\n`,
  "stock-flow-unit-plain-zero-start": `${HEAD}  cash: { stock: 0, flow: = $1B }\n`,
  "stock-start-reads-clock": `${HEAD}  gpus: { stock: = 1M * t, flow: 0 }\n`,
  "stock-start-reads-stock": `${HEAD}  a: { stock: 1, flow: 1 }\n  b: { stock: = a * 2, flow: = a }\n`,
  "stock-start-reads-time-varying": `${HEAD}  ramp: = 2 ^ t\n  b: { stock: = ramp, flow: 1 }\n`,
  "stock-flow-unknown-name": `${HEAD}  gpus: { stock: 1M, flow: = additons - gpus / 20 }\n  additions: 200k\n`,
  "stock-missing-flow": `${HEAD}  gpus: { stock: 1M }\n`,
  "stock-unknown-key": `${HEAD}  gpus: { stock: 1M, flwo: = 200k }\n`,
  "stock-flow-without-equals": `${HEAD}  additions: 200k\n  gpus: { stock: 1M, flow: additions }\n`,
};

describe("golden error messages of stocks", () => {
  reportsGoldenErrors(CASES, (name) => `__golden__/${name}.txt`);
});
