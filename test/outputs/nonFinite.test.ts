// Results that are not finite are counted per output and traced to the operation that produced
// them, never summarised silently; a guarded division is not counted.
import { describe, expect, it } from "vitest";
import { evaluateOutputs } from "../../src/outputs/evaluateOutputs.js";
import { DomainIssues, domainDiagnostics } from "../../src/sample/domainIssues.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";
import { HEAD, record } from "./support.js";

// Revenue of lab (series 0) is 0 in sample 1 and 2 in the others, in every quarter.
const revenue = (_r: number, _q: number, i: number) => (i === 1 ? 0 : 2);

function run(lines: string, count = 4) {
  const interpreted = runWith(lines, count, false);
  expect(runWith(lines, count, true)).toEqual(interpreted);
  return interpreted;
}

/** The outputs of `lines`, with the formulas compiled or not. */
function runWith(lines: string, count: number, kernels: boolean) {
  const text = `${HEAD}outputs:\n${lines}`;
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const plan = checked.value.outputs;
  const out = plan.outputs.map(() => new Float64Array(10 + count));
  const issues = new DomainIssues();
  const recorded = record(plan, count, revenue, () => 0, { issues, offset: 10, kernels });
  const nonFinite = evaluateOutputs(plan, recorded, out, 10, issues);
  const report = formatDiagnostics("t.yaml", text, domainDiagnostics(issues.list(), 100));
  return { nonFinite: [...nonFinite], out: out.map((o) => [...o.subarray(10)]), report };
}

describe("evaluateOutputs: results that are not finite", () => {
  it("counts a division by zero per output and says where it happened", () => {
    const r = run("  ratio: = $1B / revenue(lab, 2026Q1)\n  fine: = revenue(lab)\n", 4);
    expect(r.nonFinite).toEqual([1, 0]);
    expect(r.report).toBe(
      [
        "t.yaml:12:12: division by zero in 1 of 100 samples (first: sample 11); guard it, e.g. with if(…) or max(…), or change the distribution",
        " 12 |   ratio: = $1B / revenue(lab, 2026Q1)",
        "    |            ^^^^^^^^^^^^^^^^^^^^^^^^^^",
      ].join("\n"),
    );
  });

  it("does not let a comparison turn a division by zero into false", () => {
    const r = run("  big: = $1B / revenue(lab) > 1\n");
    expect(r.nonFinite).toEqual([1]);
    expect(r.out[0]?.[1]).toBeNaN();
    expect(r.report).toContain("division by zero in 1 of 100 samples");
  });

  it("does not count a division that if(…) guards", () => {
    const r = run("  safe: = if(revenue(lab) > 0, $1B / revenue(lab), 0)\n");
    expect(r.nonFinite).toEqual([0]);
    expect(r.out[0]).toEqual([1e9 / 12, 0, 1e9 / 12, 1e9 / 12]);
  });

  it("does not let if(…) read a condition that is not finite as true", () => {
    const r = run("  pick: = if($1B / revenue(lab), 1, 2)\n");
    expect(r.nonFinite).toEqual([1]);
    expect(r.out[0]).toEqual([1, Number.NaN, 1, 1]);
    expect(r.report).toContain("division by zero in 1 of 100 samples");
  });

  it("traces a division by zero inside firstQuarter to its place", () => {
    const r = run("  when: = firstQuarter($1 / revenue(lab) > 1)\n");
    expect(r.nonFinite).toEqual([1]);
    expect(r.out[0]).toEqual([7, Number.NaN, 7, 7]);
    expect(r.report).toContain("t.yaml:12:24: division by zero in 1 of 100 samples");
  });
});
