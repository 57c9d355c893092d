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
