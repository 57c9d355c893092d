// The built-in reserve-h100: every figure carries a source or a note, it reads and runs, and its
// headline figures (seed 1) are those docs/reserve.md reports.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  RESERVE_PARAMETERS,
  readReserve,
  reserveInputs,
  simulateReserve,
  summarizeReserve,
} from "../../src/reserve/index.js";

const TEXT = readFileSync("scenarios/reserve/reserve-h100.yaml", "utf8");

describe("reserve-h100", () => {
  it("reads, with a source or a note on every figure and every parameter given", () => {
    const reserve = readReserve(TEXT);
    if (!reserve.ok) throw new Error(JSON.stringify(reserve.diagnostics));
    for (const s of reserve.value.sources) expect(s.source ?? s.note, s.name).toBeTypeOf("string");
    const named = reserve.value.sources.map((s) => s.name).sort();
    expect(named).toEqual(RESERVE_PARAMETERS.map((p) => p.name).sort());
  });

  it("halves in about five quarters and rarely beats gold (docs/reserve.md, seed 1)", () => {
    const reserve = readReserve(TEXT);
    if (!reserve.ok) throw new Error("reserve-h100 does not read");
    const inputs = reserveInputs(reserve.value, 10_000, 1);
    if (!inputs.ok) throw new Error("reserve-h100 does not sample");
    const s = summarizeReserve(simulateReserve(inputs.value, { quarters: 40, seed: 1 }));
    expect(s.cost.p50).toBe(300_000_000);
    expect(s.medianHalfLife).toBe(5);
    expect(s.medianCrossover).toBe(1);
    expect(s.perQuarter[20]?.pGpuBeatsGold).toBeCloseTo(0.0951, 4);
    expect(s.perQuarter[40]?.pGpuBeatsGold).toBeCloseTo(0.1163, 4);
  });
});
