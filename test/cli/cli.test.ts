// The CLI verbs check, sample and schema, run in-process with captured output.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

const M1 = "examples/m1.yaml";
const tmp = mkdtempSync(join(tmpdir(), "perpetuum-cli-"));

describe("perpetuum check", () => {
  it("prints what each assumption means, its unit and source", async () => {
    const r = await runCli("check", "scenarios/ono.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /paying_share\s+lognormal, 90% in \[2\.5%, 5%\], median 3\.54%\s+%\s+public:chatgpt-paying/,
    );
    expect(r.stdout).toContain("seed:nvidia-invest-per-gw");
    expect(r.stdout).toMatch(/oracle-stargate\.online\s+schedule \{2026Q3: 1 GW, 2026Q4: 1\.5 GW,/);
    expect(r.stdout).toMatch(/openai\.cash\s+= openai_cash_2025\s+USD/);
  });

  it("prints every problem as FILE:LINE:COL with the line and a caret, and exits 1", async () => {
    const file = join(tmp, "bad.yaml");
    writeFileSync(
      file,
      "name: x\nstart: 2025Q1\nquarters: 4\nassumptions:\n  a: 1 to\n  b: = a + 10 GW\n",
    );
    const r = await runCli("check", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:5:8: "A to B" is missing its upper end B`);
    expect(r.stderr).toContain("   |        ^^");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a 50 MB file without reading it", async () => {
    const file = join(tmp, "huge.yaml");
    writeFileSync(file, `name: x\n#${"x".repeat(50 * 1024 * 1024)}\n`);
    const r = await runCli("check", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `perpetuum: ${file}:1:1: the file is 50.0 MB; scenario files are limited to 4 MB\n`,
    );
  });

  it("says when a file does not exist", async () => {
    const r = await runCli("check", "nope.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nope.yaml: no such file");
  });
});

describe("perpetuum sample", () => {
  it("prints mean, sd and quantiles with units", async () => {
    const r = await runCli("sample", M1, "--samples", "20000");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/assumption\s+mean\s+sd\s+p5\s+p25\s+p50\s+p75\s+p95/);
    expect(r.stdout).toMatch(/profit\s+\$-12\.\dB/);
    expect(r.stdout).toMatch(/paying_share\s+2\.8\d%/);
  });

  it("agrees with the closed-form mean of M1's profit, -$12.705B (json, 10^6 samples)", async () => {
    const r = await runCli("sample", M1, "--samples", "1e6", "--format", "json");
    const json = JSON.parse(r.stdout);
    expect(json.samples).toBe(1_000_000);
    expect(json.seed).toBe(1);
    const profit = json.assumptions.profit;
    expect(profit.unit).toBe("USD");
    // Standard error of the mean is sd / 1000; allow four of them.
    expect(Math.abs(profit.mean - -12.705e9)).toBeLessThan((4 * profit.sd) / 1000);
    expect(Object.keys(profit)).toEqual(["unit", "mean", "sd", "p5", "p25", "p50", "p75", "p95"]);
  });

  it("gives M1's acceptance figures through run at 10^6 samples, seed 1: P(profit > 0) 0.051 ± 0.003, p50 -$12.65B ± $0.15B", async () => {
    const r = await runCli("run", M1, "--samples", "1e6", "--seed", "1", "--format", "json");
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.stdout);
    expect(Math.abs(outputs.profitable.probability - 0.051)).toBeLessThanOrEqual(0.003);
    const s = await runCli("sample", M1, "--samples", "1e6", "--seed", "1", "--format", "json");
    const p50 = JSON.parse(s.stdout).assumptions.profit.p50;
    expect(Math.abs(p50 - -12.65e9)).toBeLessThanOrEqual(0.15e9);
  });

  it("gives identical output for the same seed and different output for another", async () => {
    const a = await runCli("sample", M1, "--format", "json", "--seed", "42");
    const b = await runCli("sample", M1, "--format", "json", "--seed", "42");
    const c = await runCli("sample", M1, "--format", "json", "--seed", "43");
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it("prints the summary as CSV", async () => {
    const r = await runCli("sample", M1, "--format", "csv", "--samples", "1000");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("assumption,unit,mean,sd,p5,p25,p50,p75,p95");
    expect(lines).toHaveLength(7);
  });

  it("exports every sample to CSV, one row per sample", async () => {
    const file = join(tmp, "m1.csv");
    const r = await runCli("sample", M1, "--samples", "5000", "--export", file);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe("users,paying_share,arpu,enterprise,compute,profit");
    expect(lines).toHaveLength(5001);
    const [users, share, arpu, ent, compute, profit] = (lines[1] as string)
      .split(",")
      .map(Number) as number[];
    expect(profit).toBeCloseTo(users! * share! * arpu! + ent! - compute!, 0);
  });

  it.each([
    [["--samples", "0"], "--samples 0: expected a whole number of at least 1"],
    [["--samples", "-5"], "--samples -5: expected a whole number of at least 1"],
    [["--samples", "abc"], "--samples abc: expected a whole number such as 10000 or 1e6"],
    [["--samples", "2.5"], "--samples 2.5: expected a whole number such as 10000 or 1e6"],
    [
      ["--samples", "1e12"],
      "--samples 1e12: 6 columns of 1,000,000,000,000 samples need 43.7 TiB; the limit is 2 GiB, which fits at most 44,739,242 samples of this scenario",
    ],
    [["--seed", "x"], "--seed x: expected a whole number such as 10000 or 1e6"],
    [["--export", "out.txt"], "--export out.txt: expected a path ending in .csv or .parquet"],
  ])("refuses %j with a clear message", async (flags, message) => {
    const r = await runCli("sample", M1, ...flags);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`perpetuum: ${message}\n`);
  });

  it("reports a bad --format through commander, exit 1", async () => {
    const r = await runCli("sample", M1, "--format", "xml");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Allowed choices are table, json, csv");
  });
});

describe("perpetuum schema", () => {
  it("prints a JSON Schema with the scenario's top-level keys", async () => {
    const r = await runCli("schema");
    const schema = JSON.parse(r.stdout);
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual([
      "name",
      "description",
      "start",
      "quarters",
      "assumptions",
      "entities",
      "contracts",
      "capacity",
      "correlations",
      "outputs",
      "clearing",
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("perpetuum sample --export PATH.parquet", () => {
  it("writes every sample to Parquet, read back value for value", async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import("hyparquet");
    const parquet = join(tmp, "m1.parquet");
    const csv = join(tmp, "m1-for-parquet.csv");
    expect((await runCli("sample", M1, "--samples", "3000", "--export", parquet)).code).toBe(0);
    expect((await runCli("sample", M1, "--samples", "3000", "--export", csv)).code).toBe(0);
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(parquet) })) as Record<
      string,
      number
    >[];
    expect(rows).toHaveLength(3000);
    expect(Object.keys(rows[0] as object)).toEqual([
      "users",
      "paying_share",
      "arpu",
      "enterprise",
      "compute",
      "profit",
    ]);
    const lines = readFileSync(csv, "utf8").trim().split("\n").slice(1);
    lines.forEach((line, i) => {
      expect(line.split(",").map(Number)).toEqual(Object.values(rows[i] as object));
    });
  });
});

describe("perpetuum sample --threads", () => {
  const same = async (text: string, name: string): Promise<string[]> => {
    const file = join(tmp, name);
    writeFileSync(file, `name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n${text}`);
    const runs = await Promise.all(
      ["1", "2", "3"].map((t) =>
        runCli("sample", file, "--samples", "30000", "--threads", t, "--format", "json"),
      ),
    );
    return runs.map((r) => `${r.code}\n${r.stdout}${r.stderr}`);
  };

  it("gives the same JSON, byte for byte, on 1, 2 and 3 threads, with correlations too", async () => {
    const [one, two, three] = await same(
      "  a: 1 to 10\n  b: normal(0, 1)\n  d: = a * b\ncorrelations:\n  - [a, b, 0.6]\n",
      "threads.yaml",
    );
    expect(one).toMatch(/^0\n\{/);
    expect(two).toBe(one);
    expect(three).toBe(one);
  });

  it("counts per-sample errors the same way on any number of threads", async () => {
    const [one, two, three] = await same(
      "  b: normal(0, 1)\n  r: = 1 / if(b > 2, 0, 1)\n",
      "threads-errors.yaml",
    );
    expect(one).toContain("division by zero in");
    expect(two).toBe(one);
    expect(three).toBe(one);
  });
});
