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
