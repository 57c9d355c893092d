// The JSON contract of `perpetuum clear`: what a valid request reads as, and how each kind of bad
// input is reported (golden files: every problem at its line and column, all at once).
import { describe, expect, it } from "vitest";
import { readClearRequest } from "../../src/network/clearRequest.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";

const j = (value: unknown) => JSON.stringify(value, null, 2);

describe("readClearRequest", () => {
  it("reads a valid request and fills the documented defaults", () => {
    const r = readClearRequest(
      j({ method: "rogers-veraart", n: 2, liabilities: [[0, 1, 3]], externalAssets: [1, 0] }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ method: "rogers-veraart", alpha: 1, beta: 1 });
    const d = readClearRequest(
      j({
        method: "debtrank",
        n: 1,
        exposures: [],
        capital: [1],
        weights: [1],
        initialStress: [0],
      }),
    );
    expect(d.ok && d.value).toMatchObject({ variant: "single-hit", capImpactAtOne: false });
  });

  const CASES: Record<string, unknown> = {
    "unknown-method": { method: "eisenberg", n: 2 },
    "wrong-lengths": {
      method: "eisenberg-noe",
      n: 3,
      nodes: ["a", "b"],
      liabilities: [[0, 1, 1]],
      externalAssets: [1, 2],
      externalLiabilities: [0, 0, 0, 0],
    },
    "bad-edges": {
      method: "eisenberg-noe",
      n: 2,
      liabilities: [
        [0, 2, 1],
        [-1, 1, 1],
        [1, 1, 5],
        [0, 1, -3],
        [0.5, 1, 1],
      ],
      externalAssets: [1, -2],
    },
    "bad-shares": {
      method: "cross-ownership",
      n: 2,
      equityCrossHoldings: [
        [0, 1, 0.7],
        [0, 1, 0.2],
        [1, 0, 1.5],
      ],
      debtCrossHoldings: [[1, 0, 0.4]],
      externalAssets: [1, 1],
      nominalDebt: [1, 1],
    },
    "column-sums": {
      method: "egj",
      n: 3,
      crossHoldings: [
        [0, 2, 0.6],
        [1, 2, 0.4],
      ],
      assetHoldings: [[0, 1, 1]],
      assetPrices: [1],
      failureThresholds: [0, 0, 0],
      failureCosts: [0, 0, 0],
    },
    "misspelt-key": {
      method: "furfine",
      n: 2,
      exposures: [[0, 1, 1]],
      capitol: [1, 1],
      initiallyFailed: [2],
    },
    "wrong-types": {
      method: "debtrank",
      n: "2",
      exposures: [[0, 1]],
      capital: [1, 1],
      weights: [1, 1],
      initialStress: [0, 2],
      variant: "multi-hit",
    },
  };
  for (const [name, value] of Object.entries(CASES)) {
    it(`reports ${name}`, async () => {
      const text = `${j(value)}\n`;
      const r = readClearRequest(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      await expect(
        `${formatDiagnostics(`${name}.json`, text, r.diagnostics)}\n`,
      ).toMatchFileSnapshot(`__golden__/${name}.txt`);
    });
  }

  const SYNTAX: Record<string, string> = {
    "trailing-comma": '{"method": "furfine", "n": 1,}\n',
    "nan-value":
      '{\n  "method": "furfine",\n  "n": 1,\n  "exposures": [],\n  "capital": [NaN],\n  "initiallyFailed": []\n}\n',
    "not-json": "method: furfine\nn: [\n",
  };
  for (const [name, text] of Object.entries(SYNTAX)) {
    it(`reports ${name}`, async () => {
      const r = readClearRequest(text);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      await expect(
        `${formatDiagnostics(`${name}.json`, text, r.diagnostics)}\n`,
      ).toMatchFileSnapshot(`__golden__/${name}.txt`);
    });
  }
});
