// The gap methods reproduce the published figures exactly from their stated inputs:
// Sequoia 2023 ($200B required, $125B hole; public:sequoia-2023), Sequoia 2024 ($300B spend,
// $600B required, $500B hole; public:sequoia-2024) and Bain 2030 ($2T required, $800B short;
// public:bain-2030). Every division here is by a power of two or gives an exact integer, so the
// comparisons are exact.
import { describe, expect, it } from "vitest";
import {
  bainGap,
  depreciationGap,
  GAP_METHODS,
  type GapResult,
  readGapFile,
  readGapValue,
  runGapMethod,
  sequoiaGap,
} from "../../src/gap/index.js";

const src = (value: number) => ({ value, source: "test" });

function step(result: GapResult, name: string): number {
  const s = result.steps.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no step ${name}`);
  return s.value;
}

describe("gap methods", () => {
  it("sequoiaGap reproduces Cahn 2023: $50B run-rate → $200B required, $125B hole", () => {
    const r = sequoiaGap({
      nvidiaRunRate: src(50e9),
      gpuShare: src(0.5),
      margin: src(0.5),
      aiRevenue: src(75e9),
    });
    expect(r.required).toBe(200e9);
    expect(r.gap).toBe(125e9);
  });

  it("sequoiaGap reproduces Cahn 2024: $150B → $300B spend → $600B required, $500B hole", () => {
    const r = sequoiaGap({
      nvidiaRunRate: src(150e9),
      gpuShare: src(0.5),
      margin: src(0.5),
      aiRevenue: src(100e9),
    });
    expect(step(r, "dataCentreSpend")).toBe(300e9);
    expect(r.required).toBe(600e9);
    expect(r.gap).toBe(500e9);
  });

  it("sequoiaGap takes its multipliers as parameters, not a fixed ×4", () => {
    const r = sequoiaGap({
      nvidiaRunRate: src(150e9),
      gpuShare: src(0.6),
      margin: src(0.6),
      aiRevenue: src(100e9),
    });
    // 150 / 0.6 = 250; 250 / 0.4 = 625
    expect(r.required).toBeCloseTo(625e9, 0);
  });

  it("bainGap reproduces Bain 2030: $500B at 25% → $2T required; $1.2T in sight → $800B short", () => {
    const r = bainGap({
      capex: src(500e9),
      capexToRevenue: src(0.25),
      revenueInSight: src(1.2e12),
    });
    expect(r.required).toBe(2e12);
    expect(r.gap).toBe(800e9);
  });

  it("depreciationGap: revenue × margin covers capex ÷ useful life", () => {
    const r = depreciationGap({
      capex: src(500e9),
      usefulLife: src(5),
      margin: src(0.5),
      revenueInSight: src(100e9),
    });
    expect(step(r, "depreciation")).toBe(100e9);
    expect(r.required).toBe(200e9);
    expect(r.gap).toBe(100e9);
  });

  it("every step carries a unit, a formula and a source", () => {
    const r = runGapMethod("bain", {
      capex: src(500e9),
      capexToRevenue: src(0.25),
      revenueInSight: src(1.2e12),
    });
    expect(r.steps.map((s) => s.name)).toEqual([
      "capex",
      "capexToRevenue",
      "revenueInSight",
      "required",
      "gap",
    ]);
    expect(r.steps.every((s) => s.formula !== "" && s.source !== "")).toBe(true);
  });
});

describe("readGapValue", () => {
  const [runRate, gpuShare] = GAP_METHODS.sequoia as [
    (typeof GAP_METHODS.sequoia)[number],
    (typeof GAP_METHODS.sequoia)[number],
  ];

  it("reads the project's literals exactly", () => {
    expect(readGapValue(runRate, "$150B")).toEqual({ ok: true, value: 150e9 });
    expect(readGapValue(gpuShare, "50%")).toEqual({ ok: true, value: 0.5 });
    expect(readGapValue(gpuShare, "0.25")).toEqual({ ok: true, value: 0.25 });
  });

  it("rejects a wrong unit, trailing text and a share outside (0, 1)", () => {
    expect(readGapValue(runRate, "150B")).toMatchObject({ ok: false });
    expect(readGapValue(runRate, "$150Bx")).toMatchObject({ ok: false });
    expect(readGapValue(gpuShare, "100%")).toMatchObject({ ok: false });
    expect(readGapValue(gpuShare, "$1")).toMatchObject({ ok: false });
  });
});

describe("readGapFile", () => {
  it("reports an unknown input and a bad value at their place", () => {
    const text = [
      "name: b",
      "method: bain",
      "inputs:",
      "  capex: { value: $500B, source: s }",
      "  capexToRevenu: { value: 25%, source: s }",
      "  revenueInSight: { value: 1.2T, source: s }",
      "",
    ].join("\n");
    const r = readGapFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.diagnostics.map((d) => d.message).join("\n");
    expect(messages).toContain('unknown input "capexToRevenu" (did you mean "capexToRevenue"?)');
    expect(messages).toContain('missing "capexToRevenue"');
    expect(messages).toContain('revenueInSight: "1.2T" is a plain number; expected money (USD)');
    const bad = r.diagnostics.find((d) => d.message.startsWith("revenueInSight"));
    expect(text.slice(bad?.start, bad?.end)).toBe("1.2T");
  });

  it("reports an unknown method through the schema", () => {
    const r = readGapFile("name: x\nmethod: goldman\ninputs: {}\n");
    expect(r.ok).toBe(false);
  });
});
