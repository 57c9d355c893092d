// perpetuum check lists the declared outputs after the assumptions: formula, unit (or
// "probability" for conditions) and note.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/runCli.js";

describe("perpetuum check with outputs", () => {
  it("lists each output with its formula, unit and note", async () => {
    const r = await runCli("check", "scenarios/ono.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/output\s+formula\s+unit\s+note/);
    expect(r.stdout).toMatch(
      /openai_profitable_2029\s+= netIncome\(openai, 2029\) > 0\s+probability/,
    );
    expect(r.stdout).toMatch(/openai_cash_2027\s+= cash\(openai, 2027Q4\)\s+USD/);
  });

  it("lists no outputs table for a scenario without outputs", async () => {
    const r = await runCli("check", "examples/ring.yaml");
    expect(r.stdout).not.toContain("formula");
  });
});
