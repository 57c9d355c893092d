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
});
