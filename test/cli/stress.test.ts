// `perpetuum stress`: the report and JSON of a point-run stress of ono, the odds over paired
// samples (the same on one thread and two), and a bad shock reported at its column with exit 1.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

describe("perpetuum stress", () => {
  it("stops OpenAI's funding: baseline and shocked side by side, the cascade in order", async () => {
    const r = await runCli("stress", "ono", "--shock", "funding(openai) = 0 from 2026Q3");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/OpenAI\s+never\s+2027Q1/);
    expect(r.stdout).toMatch(/2027Q1 +default +\$15\.9B +OpenAI defaults in clearing round 1/);
    expect(r.stdout).toMatch(
      /stake-written-down +\$13\.9B +Nvidia's stakes lose value as OpenAI defaulted/,
    );
    expect(r.stdout).toMatch(/unpaid +\$4\.57B +Oracle is not paid what OpenAI owes it/);
    expect(r.stdout).toContain("Oracle loses oracle-openai-cloud with OpenAI");
    expect(r.stdout).toContain("Where the money comes from, baseline");
    expect(r.stdout).toMatch(/and under the shocks:\n\n {2}• Nvidia put \$25B into the loop/);
  });

  it("prints JSON with baseline, shocked and the comparison", async () => {
    const r = await runCli(
      "stress",
      "ono",
      "--shock",
      "default(oracle) at 2027Q2",
      "--shock",
      "paying_share * 0.5 from 2026Q1",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.shocks).toEqual(["default(oracle) at 2027Q2", "paying_share * 0.5 from 2026Q1"]);
    expect(out.baseline.entities.oracle.defaultedAt).toBeNull();
    expect(out.shocked.entities.oracle.defaultedAt).toBe("2027Q2");
    expect(out.stress.entities.openai.backlogLost.shocked).toBeGreaterThan(0);
  });

  it("gives the odds over paired samples with --samples", async () => {
    const r = await runCli(
      "stress",
      "ono",
      "--shock",
      "funding(openai) = 0 from 2026Q3",
      "--samples",
      "300",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.stress.openai.defaultProbability.shocked).toBe(1);
    expect(out.stress.openai.defaultProbability.baseline).toBeLessThan(0.5);
    expect(out.baseline.samples).toBe(300);
  });

  it("runs both Monte Carlos on two threads with the same JSON as on one", async () => {
    const args = ["stress", "ono", "--shock", "funding(openai) = 0 from 2026Q3", "--samples"];
    const one = await runCli(...args, "4500", "--threads", "1", "--format", "json");
    const two = await runCli(...args, "4500", "--threads", "2", "--format", "json");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it("reports a bad shock at its column, every one at once, exit 1", async () => {
    const r = await runCli(
      "stress",
      "ono",
      "--shock",
      "funding(opnai) = 0",
      "--shock",
      "default(oracle) at 2040Q1",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--shock 1:1:9: unknown company "opnai" (did you mean "openai"?)');
    expect(r.stderr).toContain("--shock 2:1:20: 2040Q1 is outside the scenario's horizon");
    expect(r.stderr).toContain("perpetuum: 2 shocks could not be read");
  });

  it("refuses, like run, a Monte Carlo that cannot fit in memory", async () => {
    const r = await runCli("stress", "ono", "--shock", "funding(openai) = 0", "--samples", "1e8");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^perpetuum: --samples 1e8: .* which fits at most [\d,]+ samples\n$/);
  });
});
