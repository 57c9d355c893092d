// compileProgram and evaluateBlocks on stocks: the program's shape, quarter 0 evaluated twice,
// and a stock that overflows reported at its flow, once per sample that overflows.
import { describe, expect, it } from "vitest";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { clockAt, evaluateBlocks } from "../../src/sample/evaluateBlocks.js";
import { compileProgram } from "../../src/sample/program.js";
import { checked, indexOf, sampleQuarters } from "../support/quarterly.js";

const HEAD = "name: t\nstart: 2025Q1\nquarters: 8\nassumptions:\n";

describe("stock programs", () => {
  it("compileProgram(model) gives a stock its start program and its flow's column", () => {
    const { model } = checked(`${HEAD}  x: { stock: 1 to 2, flow: = x / 10 }\n`);
    const p = compileProgram(model).assumptions[indexOf(model, "x")];
    expect(p).toMatchObject({ kind: "stock", start: { kind: "sample", key: "x" } });
    expect(p?.kind === "stock" && p.flow).toBe(indexOf(model, "x.flow"));
  });

  it("evaluateBlocks in quarter 0 sets the start value, however often it runs", () => {
    const { model, start } = checked(`${HEAD}  x: { stock: 5, flow: 1 }\n`);
    const program = compileProgram(model);
    const columns = model.assumptions.map(() => new Float64Array(3));
    const range = { samples: 3, seed: 1, fromBlock: 0, toBlock: 1, clock: clockAt(start, 0) };
    const issues = new DomainIssues();
    for (let k = 0; k < 3; k++) evaluateBlocks(program, columns, range, issues);
    expect([...(columns[indexOf(model, "x")] as Float64Array)]).toEqual([5, 5, 5]);
    evaluateBlocks(program, columns, { ...range, clock: clockAt(start, 1) }, issues);
    expect([...(columns[indexOf(model, "x")] as Float64Array)]).toEqual([6, 6, 6]);
  });

  it("reports a stock that overflows at its flow's formula", () => {
    const { issues } = sampleQuarters(`${HEAD}  x: { stock: 1e300, flow: = x * 1e10 }\n`, 3, 10);
    const found = issues.list();
    expect(found.length).toBe(1);
    expect(found[0]?.reason).toBe("not-finite");
  });

  it("counts every sample whose stock overflows, in every block, not only the first one", () => {
    // x + x·u passes the largest double (1.797e308) when u > 0.797: about a fifth of the samples.
    const text = `${HEAD}  u: uniform(0, 1)\n  x: { stock: 1e308, flow: = x * u }\n`;
    const n = 10_000;
    const { model, values, issues } = sampleQuarters(text, 2, n);
    const x = values[1]?.[indexOf(model, "x")] as Float64Array;
    const overflowed = x.filter((v) => !Number.isFinite(v)).length;
    expect(overflowed).toBeGreaterThan(1500);
    expect(overflowed).toBeLessThan(2500);
    const found = issues.list();
    expect(found.map((f) => [f.reason, f.count, f.first])).toEqual([
      ["not-finite", overflowed, x.findIndex((v) => !Number.isFinite(v))],
    ]);
  });
});
