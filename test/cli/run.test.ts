// perpetuum run and perpetuum scenarios through the CLI.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERIES } from "../../src/sim/result.js";
import { runCli } from "../support/runCli.js";

describe("perpetuum run", () => {
  it("prints headlines, per-company years, the loop's flows and events for the built-in ono", async () => {
    const r = await runCli("run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ono: 2025Q1 to 2031Q4, point run");
    expect(r.stdout).toMatch(
      /Nvidia's stake in OpenAI: 1\.96% after its first investment \(2026Q3\)/,
    );
    expect(r.stdout).toMatch(/net income\s+\$-5B\s+\$-14B/);
    expect(r.stdout).toContain("Money round the loop, per year");
    expect(r.stdout).toMatch(/openai → oracle\s+oracle-openai-cloud/);
    expect(r.stdout).toContain("Money conserved every quarter");
    expect(r.stdout).toContain("Where the money comes from (perpetuum trace has the detail)");
    expect(r.stdout).toMatch(/\$9\.41B of those sales was its own money coming back: 3\.06%/);
  });

  it("prints the result document as JSON with the documented fields", async () => {
    const r = await runCli("run", "ono", "--format", "json");
    const json = JSON.parse(r.stdout);
    expect(json.quarters).toHaveLength(28);
    for (const id of ["openai", "nvidia", "oracle"]) {
      const e = json.entities[id];
      for (const s of [
        "cash",
        "revenue",
        "netIncome",
        "capex",
        "equityRaised",
        "debtRaised",
        "gpus",
        "gw",
      ]) {
        expect(e.series[s]).toHaveLength(28);
      }
      expect(e).toHaveProperty("defaultedAt", null);
    }
    expect(json.entities.nvidia.stakes.openai).toHaveLength(28);
    expect(Object.keys(json.flows[0])).toEqual([
      "quarter",
      "from",
      "to",
      "contract",
      "kind",
      "amount",
    ]);
    expect(Object.keys(json.events[0])).toEqual(["quarter", "entity", "type", "amount", "message"]);
    expect(json.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });

  it("prints a long CSV table", async () => {
    const r = await runCli("run", "examples/ring.yaml", "--format", "csv");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("quarter,entity,metric,value");
    expect(lines).toContain("2025Q1,b,equityRaised,1500000000");
  });

  it("refuses a scenario without entities or outputs and says what to use instead", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perpetuum-run-"));
    const file = join(dir, "bare.yaml");
    writeFileSync(file, "name: bare\nstart: 2025Q1\nquarters: 1\nassumptions:\n  x: 1 to 2\n");
    const r = await runCli("run", file, "--samples", "100");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "no entities to simulate and no outputs to summarise; use perpetuum sample",
    );
    const point = await runCli("run", "examples/m1.yaml");
    expect(point.stderr).toContain("no entities, so there is no point run");
  });

  it("runs a scenario of stocks and outputs alone as a Monte Carlo (M2), but has no point run for it", async () => {
    const r = await runCli("run", "examples/m2.yaml", "--samples", "2000", "--format", "json");
    expect(r.code).toBe(0);
    const { outputs } = JSON.parse(r.stdout);
    expect(outputs.first_negative_quarter.p50).toBe(3);
    expect(outputs.final_cash.p50).toBeGreaterThan(-290e9);
    expect(outputs.final_cash.p50).toBeLessThan(-250e9);
    const point = await runCli("run", "examples/m2.yaml");
    expect(point.code).toBe(1);
    expect(point.stderr).toContain(
      "no entities, so there is no point run; run its outputs with --samples N",
    );
  });
});

describe("perpetuum scenarios", () => {
  it("lists the built-in scenarios with one line each", async () => {
    const r = await runCli("scenarios");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ono\s+Nvidia invests in OpenAI/);
  });
});

describe("perpetuum run --samples", () => {
  it("prints default and profit probabilities and percentile bands", async () => {
    const r = await runCli("run", "examples/ring.yaml", "--samples", "200", "--seed", "3");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ring: 2025Q1 to 2026Q4, 200 samples, seed 3");
    expect(r.stdout).toMatch(/• b defaults within the horizon in \d+(\.\d+)?% of 200 samples/);
    expect(r.stdout).toMatch(/netIncome p50/);
    // No progress bar when standard error is not a terminal.
    expect(r.stderr).toBe("");
  });

  it("refuses --samples 0", async () => {
    const r = await runCli("run", "examples/ring.yaml", "--samples", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("perpetuum: --samples 0: expected a whole number of at least 1\n");
  });

  it("gives the same JSON with the summary helper (5,000 samples, --threads not given) as on one thread", async () => {
    const args = ["run", "ono", "--samples", "5000", "--seed", "6", "--format", "json"];
    const helped = await runCli(...args);
    expect(helped.code).toBe(0);
    expect((await runCli(...args, "--threads", "1")).stdout).toBe(helped.stdout);
  }, 120_000);

  it("gives the same JSON, byte for byte, on 1 and 2 threads and on a second run", async () => {
    const run = (threads: string) =>
      runCli(
        "run",
        "ono",
        "--samples",
        "4500",
        "--seed",
        "4",
        "--threads",
        threads,
        "--format",
        "json",
      );
    const one = await run("1");
    expect(one.code).toBe(0);
    const two = await run("2");
    expect(two.stdout).toBe(one.stdout);
    expect((await run("2")).stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json.samples).toBe(4500);
    expect(json.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
    const p = json.probabilities.openai;
    expect(p.defaultQuarter.quarters).toHaveLength(28);
    const total = p.defaultQuarter.quarters.reduce((a: number, b: number) => a + b, 0);
    expect(total + p.defaultQuarter.never).toBeCloseTo(1, 12);
    expect(p.needsOutsideMoneyBy.at(-1)).toBeGreaterThan(0.9);
  });

  it("gives M2 the same JSON in one pass on one thread and on two worker threads", async () => {
    const run = (threads: string) =>
      runCli(
        "run",
        "examples/m2.yaml",
        "--samples",
        "9001",
        "--threads",
        threads,
        "--format",
        "json",
      );
    const one = await run("1");
    expect(one.code).toBe(0);
    expect((await run("2")).stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).outputs.final_cash.p50).toBeLessThan(-250e9);
  });

  it("refuses a run that cannot fit in memory, saying how many samples would", async () => {
    const r = await runCli("run", "ono", "--samples", "1e8");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^perpetuum: --samples 1e8: 100,000,000 samples of this scenario need [\d.]+ GiB .*; the limit is 3\.5 GiB, which fits at most [\d,]+ samples\n$/,
    );
  });

  it("writes summary.json, the bands as CSV and every sample as Parquet with --out", async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import("hyparquet");
    const dir = join(mkdtempSync(join(tmpdir(), "perpetuum-run-")), "results");
    const r = await runCli("run", "examples/ring.yaml", "--samples", "300", "--out", dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${join(dir, "summary.json")}`);
    const json = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(json.samples).toBe(300);
    const series = readFileSync(join(dir, "series.csv"), "utf8").trim().split("\n");
    expect(series[0]).toBe("quarter,entity,metric,mean,sd,p5,p25,p50,p75,p95");
    const cash = series.find((line) => line.startsWith("2025Q1,a,cash,"))?.split(",");
    expect(Number(cash?.[7])).toBe(json.summary.a.cash.quarters[0].p50);
    expect(series).toHaveLength(
      1 + json.quarters.length * Object.keys(json.summary).length * SERIES.length,
    );
    const years = readFileSync(join(dir, "series-years.csv"), "utf8").split("\n");
    expect(years[0]).toBe("year,entity,metric,mean,sd,p5,p25,p50,p75,p95");
    const rows = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(dir, "samples.parquet")),
    })) as Record<string, number>[];
    expect(rows).toHaveLength(300);
    expect(rows[7]?.sample).toBe(7);
    expect(Object.keys(rows[0] as object)).toContain("a_sales");
    const sales = rows.map((row) => row.a_sales as number);
    expect(Math.min(...sales)).toBeGreaterThan(1.5e9);
    expect(new Set(sales).size).toBe(300);
  });

  it("keeps every trajectory when asked, one row per quarter and sample", async () => {
    const { asyncBufferFromFile, parquetReadObjects } = await import("hyparquet");
    const dir = mkdtempSync(join(tmpdir(), "perpetuum-run-"));
    const r = await runCli(
      "run",
      "examples/ring.yaml",
      "--samples",
      "50",
      "--out",
      dir,
      "--keep-trajectories",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const rows = (await parquetReadObjects({
      file: await asyncBufferFromFile(join(dir, "trajectories.parquet")),
    })) as Record<string, number | string>[];
    expect(rows).toHaveLength(8 * 50);
    expect(rows[50]).toMatchObject({ quarter: "2025Q2", sample: 0 });
    const cashQ3 = rows.filter((row) => row.quarter === "2025Q3").map((row) => row["a.cash"]);
    const band = json.summary.a.cash.quarters[2];
    expect(Math.min(...(cashQ3 as number[]))).toBeLessThanOrEqual(band.p5);
    expect(Math.max(...(cashQ3 as number[]))).toBeGreaterThanOrEqual(band.p95);
    const mean = (cashQ3 as number[]).reduce((a, b) => a + b, 0) / 50;
    expect(mean).toBeCloseTo(json.summary.a.cash.quarters[2].mean, -3);
    expect(await runCli("run", "ono", "--samples", "10", "--keep-trajectories")).toMatchObject({
      code: 1,
      stderr:
        "perpetuum: --keep-trajectories writes trajectories.parquet into --out DIR; add --out\n",
    });
  });

  it("refuses --out without --samples", async () => {
    const r = await runCli("run", "ono", "--out", "x");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "perpetuum: --out writes the files of a Monte Carlo run; add --samples N\n",
    );
  });

  it("writes the HTML report of the same run with --report, and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perpetuum-run-"));
    const file = join(dir, "ono.html");
    const r = await runCli("run", "ono", "--samples", "400", "--format", "json", "--report", file);
    expect(r.code).toBe(0);
    const mc = JSON.parse(r.stdout);
    expect(r.stderr).toMatch(
      /The HTML report of this run .* is in .*ono\.html \([\d.]+ KiB\): open it in a browser\.\n$/,
    );
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("400 Monte Carlo samples");
    const p = Math.round(mc.probabilities.openai.defaultBy.at(-1) * 1000) / 10;
    expect(html).toContain(`${p}%`);
  });

  it("refuses --report without --samples, and into a missing folder", async () => {
    const r = await runCli("run", "ono", "--report", "x.html");
    expect(r.stderr).toBe(
      "perpetuum: --report writes the report of a Monte Carlo run; add --samples N\n",
    );
    const missing = await runCli("run", "ono", "--samples", "10", "--report", "/no/such/r.html");
    expect(missing.stderr).toContain(
      "--report /no/such/r.html: the folder /no/such does not exist",
    );
  });
});
