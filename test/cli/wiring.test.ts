// The commands added for the gap methods and the hardware arithmetic, through the CLI's own entry:
// the published figures come out, and a mistake is one line and exit 1.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

describe("perpetuum gap and convert through the CLI", () => {
  it("reproduces Bain's $2T required and $800B short as JSON", async () => {
    const r = await runCli("gap", "bain-2030", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe("bain");
    expect(out.required).toBe(2e12);
    expect(out.gap).toBe(8e11);
  });

  it("refuses an unknown gap method, exit 1", async () => {
    const r = await runCli("gap", "--method", "sequoya");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^perpetuum: .*sequoia/);
  });

  it("converts 10 GW at 2.5 kW per GPU into 4 million GPUs", async () => {
    const r = await runCli("convert", "10GW", "--to", "gpus", "--watts-per-gpu", "2.5kW");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("4,000,000");
  });

  it("gives Epoch's 142.688 MW for 100,000 H100s", async () => {
    const r = await runCli("convert", "100000", "--chip", "H100", "--to", "power");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("= 142.688 MW");
  });
});

describe("perpetuum gap SCENARIO", () => {
  it("applies the three methods to ono's own capex, depreciation and end-customer revenue", async () => {
    const r = await runCli("gap", "ono", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.shares).toEqual({ margin: 0.5, capexToRevenue: 0.25 });
    const y2027 = out.years.find((y: { year: number }) => y.year === 2027);
    expect(y2027.capex).toBeGreaterThan(0);
    expect(y2027.sequoia.required).toBeCloseTo(y2027.capex / 0.5, 0);
    expect(y2027.bain.required).toBeCloseTo(y2027.capex / 0.25, 0);
    expect(y2027.depreciationMethod.required).toBeCloseTo(y2027.depreciation / 0.5, 0);
    expect(y2027.bain.gap).toBeCloseTo(y2027.bain.required - y2027.endCustomerRevenue, 0);
  });

  it("takes margin and capexToRevenue from --param and refuses any other", async () => {
    const r = await runCli("gap", "ono", "--param", "capexToRevenue=50%", "--format", "json");
    const y = JSON.parse(r.stdout).years[2];
    expect(y.bain.required).toBeCloseTo(y.capex / 0.5, 0);
    const bad = await runCli("gap", "ono", "--param", "usefulLife=5");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("a simulation's gaps take margin=… and capexToRevenue=… only");
  });

  it("counts as AI revenue what end customers paid the AI labs (OpenAI), not Nvidia's or Oracle's other sales", async () => {
    const gap = JSON.parse((await runCli("gap", "ono", "--format", "json")).stdout);
    const point = JSON.parse((await runCli("run", "ono", "--format", "json")).stdout);
    const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    const openai2027 = sum(point.entities.openai.series.customerRevenue.slice(8, 12));
    expect(openai2027).toBeGreaterThan(0);
    expect(gap.years[2].endCustomerRevenue).toBeCloseTo(openai2027, 0);
  });

  it("gives bands with --samples: each figure summed per sample, the same on 1 and 2 threads", async () => {
    const args = ["gap", "ono", "--samples", "600", "--seed", "3", "--format", "json"];
    const one = await runCli(...args, "--threads", "1");
    const two = await runCli(...args, "--threads", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout);
    expect(out.samples).toBe(600);
    const y = out.years.find((r: { year: number }) => r.year === 2027);
    expect(y.capex.p5).toBeLessThan(y.capex.p95);
    // Means are linear, so each sample's gap = required − revenue shows in the means.
    expect(y.bain.gap.mean).toBeCloseTo(y.bain.required.mean - y.endCustomerRevenue.mean, -3);
    expect(y.sequoia.required.mean).toBeCloseTo(y.capex.mean / 0.5, -3);
    expect(y.depreciationMethod.required.p50).toBeGreaterThan(0);
    expect(y.depreciationMethod.gap.p5).toBeLessThan(y.depreciationMethod.gap.p95);
    const table = await runCli("gap", "ono", "--samples", "300", "--threads", "1");
    expect(table.stdout).toContain("over 300 samples (seed 1): median, then the 90% band");
  });

  it("refuses --samples for a gap calculation, which has no uncertainty", async () => {
    const r = await runCli("gap", "bain-2030", "--samples", "100");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--samples: bands need a simulation scenario");
  });

  it("refuses, like run, bands that cannot fit in memory", async () => {
    const r = await runCli("gap", "ono", "--samples", "1e8");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^perpetuum: --samples 1e8: .* which fits at most [\d,]+ samples\n$/);
  });
});
