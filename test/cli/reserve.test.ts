// perpetuum reserve: the built-in reserve-h100 runs, its JSON has every figure, the same seed
// prints the same bytes, and a bad reserve file is reported at its line and column.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ReserveFlags, reserveCommand } from "../../src/cli/commands/reserve.js";
import { UsageError } from "../../src/cli/io.js";
import { captureIo, runCli } from "../support/runCli.js";

/** Runs `reserve` with captured output. */
function run(file: string | undefined, flags: Partial<ReserveFlags> = {}) {
  const { io, stdout, stderr } = captureIo();
  let error: unknown = null;
  try {
    reserveCommand(file, { samples: "400", seed: "1", years: "10", format: "table", ...flags }, io);
  } catch (e) {
    error = e;
  }
  return { stdout: stdout(), stderr: stderr(), error };
}

describe("perpetuum reserve", () => {
  it("values the built-in reserve-h100 by default, per year, with crossover and half-life", () => {
    const { stdout, error } = run(undefined);
    expect(error).toBeNull();
    expect(stdout).toMatch(/^reserve-h100: bought 2025Q4 for \$300M/);
    expect(stdout).toContain("P(GPU > gold)");
    expect(stdout).toMatch(/\n {2}10 {3}2035Q4 /);
    expect(stdout).toContain("• Crossover:");
    expect(stdout).toContain("• Half-life:");
    expect(stdout).toContain("after 1 y ");
  });

  it("prints every figure as JSON, identically for the same seed", () => {
    const a = run("reserve-h100", { format: "json", years: "5" });
    const b = run("reserve-h100", { format: "json", years: "5" });
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(Object.keys(doc)).toEqual([
      "reserve",
      "bought",
      "samples",
      "seed",
      "years",
      "cost",
      "quarters",
      "perYear",
      "crossover",
      "halfLife",
    ]);
    expect(doc.quarters).toHaveLength(21);
    expect(Object.keys(doc.quarters[20])).toEqual([
      "quarter",
      "gpu",
      "hardware",
      "gold",
      "h100e",
      "pGpuBeatsGold",
      "date",
    ]);
    expect(Object.keys(doc.quarters[20].gpu)).toEqual(["p5", "p25", "p50", "p75", "p95"]);
    expect(doc.perYear.map((y: { year: number }) => y.year)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.perYear[4].date).toBe("2030Q4");
    expect(Object.keys(doc.crossover)).toEqual(["median", "share", "quarters"]);
    expect(Object.keys(doc.halfLife)).toEqual(["median", "share", "quarters"]);
    expect(doc.cost.p50).toBe(300_000_000);
    expect(run("reserve-h100", { format: "json", years: "5", seed: "2" }).stdout).not.toBe(
      a.stdout,
    );
  });

  it("reports a misspelt parameter and a malformed value at FILE:LINE:COL", () => {
    const dir = mkdtempSync(join(tmpdir(), "reserve-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "name: bad\nbought: 2025Q4\nassumptions:\n  gpus: 1000\n  price: $30k\n  failure_rat: 5%\n",
    );
    const misspelt = run(file);
    expect(misspelt.error).toBeInstanceOf(UsageError);
    expect(misspelt.stderr).toContain(
      `${file}:6:3: unknown parameter "failure_rat" in "assumptions" (did you mean "failure_rate"?)`,
    );
    writeFileSync(
      file,
      "name: bad\nbought: 2025Q4\nassumptions:\n  gpus: 1000\n  price: $30k to\n",
    );
    const malformed = run(file);
    expect(malformed.error).toBeInstanceOf(UsageError);
    expect(malformed.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, "\\.")}:5:\\d+: `));
    writeFileSync(file, "name: bad\nbought: 2025Q4\nassumptions:\n  gpus: 1000\n  price: 30 W\n");
    expect(run(file).stderr).toContain(`${file}:5:10: "price" is`);
  });

  it("refuses a bad flag and an unknown reserve", () => {
    expect(String(run(undefined, { years: "0" }).error)).toContain("--years 0");
    expect(String(run(undefined, { format: "csv" }).error)).toContain("--format csv");
    expect(String(run("no-such-reserve").error)).toContain("no built-in reserve");
  });
});

describe("perpetuum reserve through the CLI", () => {
  it("runs the built-in reserve-h100 by default and says which way it goes", async () => {
    const r = await runCli("reserve", "--samples", "400", "--years", "5");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("reserve-h100: bought 2025Q4");
    expect(r.stdout).toContain("P(GPU reserve with rent beats gold) after 1 y");
  });

  it("refuses a bad sample count with a message, exit 1", async () => {
    const r = await runCli("reserve", "--samples", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^perpetuum: --samples/);
  });
});

describe("perpetuum reserve --param and --bought", () => {
  it("replaces the file's values, in the scenario language, and the purchase quarter", () => {
    const base = JSON.parse(run(undefined, { format: "json", years: "2" }).stdout);
    const { stdout, error } = run(undefined, {
      format: "json",
      years: "2",
      param: ["budget=$1B", "utilization=0%", "rent_decline= 0.2"],
      bought: "2026Q2",
    });
    expect(error).toBeNull();
    const doc = JSON.parse(stdout);
    expect(doc.bought).toBe("2026Q2");
    expect(doc.quarters[0].gold.p50).toBeCloseTo(1e9, 0);
    expect(base.quarters[0].gold.p50).toBeCloseTo(3e8, 0);
    // Idle GPUs earn no rent, so the reserve is worth less than the rented one.
    expect(doc.quarters[8].gpu.p50 / 1e9).toBeLessThan(base.quarters[8].gpu.p50 / 3e8);
  });

  it("reports every bad parameter at --param:N:COL, and a bad quarter", () => {
    const bad = run(undefined, { param: ["budgt=$1B", "price"] });
    expect(bad.error).toBeInstanceOf(UsageError);
    expect(bad.stderr).toContain('--param:1:1: unknown parameter "budgt" (did you mean "budget"?)');
    expect(bad.stderr).toContain("--param:2:1: expected name=value, e.g. price=$30k");
    const formula = run(undefined, { param: ["rent=$2", "gpus= = budget / pric"] });
    expect(formula.stderr).toContain('--param:2:18: unknown name "pric" (did you mean "price"?)');
    const unit = run(undefined, { param: ["price=30000 W"] });
    expect(unit.stderr).toMatch(/--param:1:7: "price" is power/);
    const quarter = run(undefined, { bought: "2026Q5" });
    expect((quarter.error as UsageError).message).toBe(
      "--bought 2026Q5: expected a quarter such as 2025Q4",
    );
  });

  it("works through the CLI's own flags", async () => {
    const r = await runCli("reserve", "--samples", "200", "-p", "budget=$2B", "--bought", "2027Q1");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^reserve-h100: bought 2027Q1 for \$2B/);
  });
});
