// sampleModel: determinism, independence of columns from the rest of the file, block splits,
// and M1 against its closed-form mean.
import { describe, expect, it } from "vitest";
import type { Model } from "../../src/model/model.js";
import { BLOCK_SIZE } from "../../src/rng/index.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { clockAt, evaluateBlocks } from "../../src/sample/evaluateBlocks.js";
import { compileProgram } from "../../src/sample/program.js";
import { sampleModel } from "../../src/sample/sampleModel.js";
import { summarize } from "../../src/sample/summarize.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";

const HEAD = "name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n";
const M1 = `${HEAD}  users: 600M to 900M\n  paying_share: 2% to 4%\n  arpu: $200 to $300\n  enterprise: $5B to $20B\n  compute: $20B to $40B\n  profit: = users * paying_share * arpu + enterprise - compute\n`;

function model(text: string): Model {
  const r = checkScenario(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return r.value.model;
}

function columns(text: string, samples: number, seed: number): Map<string, Float64Array> {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const m = checked.value.model;
  const r = sampleModel(m, { samples, seed, start: checked.value.scenario.start });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
  return new Map(m.assumptions.map((a, i) => [a.name, r.value.columns[i] as Float64Array]));
}

describe("sampleModel", () => {
  it("gives bit-identical columns for the same seed", () => {
    const a = columns(M1, 10_000, 5);
    const b = columns(M1, 10_000, 5);
    for (const [name, col] of a) expect(b.get(name)).toEqual(col);
  });

  it("keeps a column's samples when unrelated assumptions are added, removed or reordered", () => {
    const base = columns(M1, 9_000, 1);
    const other = `${HEAD}  zzz: normal(0, 1)\n  compute: $20B to $40B\n  extra: = zzz * 2\n  users: 600M to 900M\n`;
    const changed = columns(other, 9_000, 1);
    expect(changed.get("users")).toEqual(base.get("users"));
    expect(changed.get("compute")).toEqual(base.get("compute"));
  });

  it("gives the same bits for a long form with source as for the short form", () => {
    const long = M1.replace(
      "users: 600M to 900M",
      'users: { value: 600M to 900M, source: "seed:chatgpt-users" }',
    );
    expect(columns(long, 5_000, 3).get("users")).toEqual(columns(M1, 5_000, 3).get("users"));
  });

  it("gives the same bits whether blocks are evaluated together or split at any block boundary", () => {
    const m = model(M1);
    const n = 5 * BLOCK_SIZE + 17;
    const whole = sampleModel(m, { samples: n, seed: 9, start: 8100 });
    if (!whole.ok) throw new Error("sampling failed");
    const program = compileProgram(m);
    const split = m.assumptions.map(() => new Float64Array(n));
    const issues = new DomainIssues();
    for (const [fromBlock, toBlock] of [
      [3, 6],
      [0, 1],
      [1, 3],
    ] as const) {
      evaluateBlocks(
        program,
        split,
        { samples: n, seed: 9, fromBlock, toBlock, clock: clockAt(8100, 0) },
        issues,
      );
    }
    expect(split).toEqual(whole.value.columns);
  });

  it("evaluates M1's profit with the closed-form mean -$12.705B (10^6 samples, within 4 standard errors)", () => {
    const profit = columns(M1, 1_000_000, 1).get("profit") as Float64Array;
    const s = summarize(profit);
    expect(Math.abs(s.mean - -12.705e9)).toBeLessThan((4 * s.sd) / 1000);
  });

  it("draws each distribution inside a formula from its own stream", () => {
    const cols = columns(`${HEAD}  a: = normal(0, 1) - normal(0, 1)\n`, 20_000, 1);
    const s = summarize(cols.get("a") as Float64Array);
    expect(s.sd).toBeGreaterThan(1.38);
    expect(s.sd).toBeLessThan(1.45);
  });

  it("evaluates if, clamp, min and comparisons sample by sample", () => {
    const cols = columns(
      `${HEAD}  x: uniform(-1, 1)\n  pos: = if(x > 0, x, 0)\n  c: = clamp(x, -0.5, 0.5)\n  m: = min(x, 0)\n`,
      4_000,
      1,
    );
    const x = cols.get("x") as Float64Array;
    x.forEach((v, i) => {
      expect(cols.get("pos")?.[i]).toBe(Math.max(v, 0));
      expect(cols.get("c")?.[i]).toBe(Math.min(Math.max(v, -0.5), 0.5));
      expect(cols.get("m")?.[i]).toBe(Math.min(v, 0));
    });
  });
});

describe("summarize", () => {
  it("computes R-7 quantiles (numpy's default) by selection", () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    const s = summarize(x);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual([5, 25, 50, 75, 95]);
    // numpy.quantile([1, 2, 3, 4], [0.05, 0.5]) = [1.15, 2.5]
    const t = summarize(Float64Array.of(4, 1, 3, 2));
    expect(t.p5).toBeCloseTo(1.15, 12);
    expect(t.p50).toBe(2.5);
    expect(t.mean).toBe(2.5);
    expect(t.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
});

describe("the clock in formulas", () => {
  it("reads t, now, year and quarter labels at the scenario's first quarter", () => {
    const text =
      "name: t\nstart: 2026Q3\nquarters: 8\nassumptions:\n  a: = t\n  b: = now == 2026Q3\n  c: = year\n  d: = if(now >= 2027Q1, $1B, $2B)\n";
    const cols = columns(text, 10, 1);
    expect(cols.get("a")?.[0]).toBe(0);
    expect(cols.get("b")?.[0]).toBe(1);
    expect(cols.get("c")?.[0]).toBe(2026);
    expect(cols.get("d")?.[0]).toBe(2e9);
  });
});
