// `perpetuum trace`: on ono the nvidia → openai → oracle → nvidia cycle and the money round it,
// origins that sum to 1, the report against its golden file, and a scenario without companies.
import { describe, expect, it } from "vitest";
import type { TraceDocument } from "../../src/trace/traceRun.js";
import { runCli } from "../support/runCli.js";

describe("perpetuum trace", () => {
  it("prints ono's cycles, its headlines and where each company's money comes from", async () => {
    const r = await runCli("trace", "ono");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/nvidia → openai → oracle → nvidia +– +– +\$40B +\$30B/);
    expect(r.stdout).toContain("public:circularity-ratio");
    expect(r.stdout).toMatch(/End customers paid [0-9.]+% of OpenAI's spending/);
    await expect(r.stdout).toMatchFileSnapshot("__golden__/trace-ono.txt");
  });

  it("prints JSON whose cycles name their members and whose origins sum to 1", async () => {
    const r = await runCli("trace", "ono", "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as TraceDocument;
    expect(doc.scenario).toBe("ono");
    expect(doc.cyclesTruncated).toBe(false);
    const loop = doc.cycles.find((c) => c.members.join(" ") === "nvidia openai oracle");
    expect(loop?.years).toEqual({
      "2025": 0,
      "2026": 0,
      "2027": 40e9,
      "2028": 30e9,
      "2029": 0,
      "2030": 0,
      "2031": 0,
    });
    for (const splits of [doc.origins, doc.loopOrigins, doc.spending])
      for (const [id, years] of Object.entries(splits)) {
        expect(Object.keys(years)).toEqual(doc.years.map(String));
        for (const [year, split] of Object.entries(years)) {
          if (split === null) continue;
          const sum = Object.values(split).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1), `${id} ${year}`).toBeLessThanOrEqual(1e-12);
        }
      }
    expect(doc.origins.openai?.["2027"]?.endCustomers).toBe(1);
    expect(doc.loopOrigins.nvidia?.["2025"]).toBeNull();
    expect(doc.loopOrigins.nvidia?.["2027"]?.self).toBeGreaterThan(0);
    expect(doc.totals.nvidia?.["2027"]?.invested).toBe(40e9);
  });

  it("refuses a scenario without companies, exit 1", async () => {
    const r = await runCli("trace", "examples/m2.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the scenario has no entities, so no money goes round");
  });
});
