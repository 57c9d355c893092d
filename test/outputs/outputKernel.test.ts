// The compiled output formulas (outputKernel.ts) against runProgram: random formulas over every
// operation, series with and without periods, assumptions, the clock, defaults and firstQuarter
// (streamed or not, nested), on values that make some samples divide by zero or take the log of a
// negative. Values, counts of values that are not finite, and the traced issues must be the same.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { evaluateOutputs } from "../../src/outputs/evaluateOutputs.js";
import type { OutputsPlan } from "../../src/outputs/outputsPlan.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { HEAD, record } from "./support.js";

const COUNT = 23;
// Small whole numbers from −2 to 2, so that divisions by zero and logs of negatives happen.
const series = (r: number, q: number, i: number) => ((r * 7 + q * 3 + i * 5) % 5) - 2;
const assumption = (r: number, q: number, i: number) => ((r + q * 2 + i) % 4) - 1;
const DEFAULTS = [
  Array.from({ length: COUNT }, (_, i) => (i % 3 === 0 ? -1 : i % 6)),
  Array.from({ length: COUNT }, (_, i) => (i % 4) - 1),
];

const LEAVES = [
  "0",
  "2",
  "-3",
  "0.5",
  "t",
  "year - 2025",
  "share",
  "ramp / $1",
  "at(ramp, 2025Q4) / $1",
  "cash(lab) / $1",
  "revenue(lab) / $1",
  "revenue(cloud-co, 2026) / $1",
  "debt(lab, 2025Q4) / $1",
  "defaulted(lab)",
  "defaultQuarter(cloud-co)",
];
const BINARY = ["+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="];

/** A random output formula (plain numbers throughout, so that units always agree). */
const formula: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc
      .tuple(tie("node"), fc.constantFrom(...BINARY), tie("node"))
      .map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc
      .tuple(fc.constantFrom("min", "max", "and", "or"), tie("node"), tie("node"))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc
      .tuple(fc.constantFrom("log", "sqrt", "exp", "abs", "not", "firstQuarter"), tie("node"))
      .map(([f, a]) => `${f}(${a})`),
    tie("node").map((a) => `-(${a})`),
    fc.tuple(tie("node"), tie("node"), tie("node")).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
  ),
})).node;

function planOf(lines: readonly string[]): OutputsPlan | null {
  const outputs = lines.map((text, o) => `  o${o}: = ${text}\n`).join("");
  const checked = checkScenario(`${HEAD}outputs:\n${outputs}`);
  return checked.ok ? checked.value.outputs : null;
}

/** Everything evaluateOutputs gives, with the formulas compiled or not. */
function evaluate(plan: OutputsPlan, kernels: boolean) {
  const issues = new DomainIssues();
  const options = { defaults: DEFAULTS, issues, offset: 100, kernels };
  const recorded = record(plan, COUNT, series, assumption, options);
  const out = plan.outputs.map(() => new Float64Array(100 + COUNT));
  const nonFinite = evaluateOutputs(plan, recorded, out, 100, issues);
  // Object.is tells −0 from +0 and sees NaN as equal to itself: the same bits, in effect.
  const values = out.map((o) => [...o.subarray(100)].map((v) => (Object.is(v, -0) ? "-0" : v)));
  return { values, nonFinite: [...nonFinite], issues: issues.list() };
}

describe("compiled output formulas", () => {
  it("give runProgram's values, counts and issues for random formulas", () => {
    fc.assert(
      fc.property(fc.array(formula, { minLength: 1, maxLength: 4 }), (lines) => {
        const plan = planOf(lines);
        fc.pre(plan !== null);
        if (plan === null) return;
        expect(evaluate(plan, true)).toEqual(evaluate(plan, false));
      }),
      { numRuns: 300 },
    );
  });

  it("cover the formulas they can: a firstQuarter tested after the run is interpreted", () => {
    const plan = planOf([
      "firstQuarter(cash(lab) / $1 > 0) + revenue(lab, 2026) / $1",
      "firstQuarter(cash(lab) > cash(lab, 2026Q2))",
      "firstQuarter(defaulted(lab))",
    ]) as OutputsPlan;
    const recorded = record(plan, COUNT, series, assumption, { kernels: true });
    const flags = new Uint8Array(3);
    const out = plan.outputs.map(() => new Float64Array(COUNT));
    const [first] = recorded.firsts[0]?.values() ?? [];
    expect(first?.test).not.toBeNull();
    const firsts = [first?.result ?? new Float64Array(COUNT)];
    recorded.kernel?.(recorded.slots, firsts, recorded.defaultedAt, out, 0, COUNT, flags);
    expect([...flags]).toEqual([0, 1, 1]);
  });

  it("keep testing the open samples, in order, after runProgram traced a value that is not finite", () => {
    // cash(lab) / $1 per sample (rows) and quarter (columns); 1 / (x − 2) is ∞ at x = 2.
    const cash = [
      [3, 3, 3, 3, 3, 3],
      [1, 2, 3, 3, 3, 3],
      [1, 1, 1, 3, 3, 3],
      [1, 1, 1, 1, 1, 1],
      [1, 3, 3, 3, 3, 3],
    ];
    const plan = planOf(["firstQuarter(1 / (cash(lab) / $1 - 2) > 0)"]) as OutputsPlan;
    const value = (_r: number, q: number, i: number) => cash[i]?.[q] as number;
    const run = (kernels: boolean) => {
      const issues = new DomainIssues();
      const recorded = record(plan, 5, value, assumption, { issues, kernels });
      const out = [new Float64Array(5)];
      const nonFinite = evaluateOutputs(plan, recorded, out, 0, issues);
      return {
        out: [...(out[0] as Float64Array)],
        nonFinite: [...nonFinite],
        issues: issues.list(),
      };
    };
    const interpreted = run(false);
    expect(interpreted.out).toEqual([1, Number.NaN, 4, 7, 2]);
    expect(interpreted.nonFinite).toEqual([1]);
    expect(run(true)).toEqual(interpreted);
  });

  it("are not generated where new Function is refused, and runProgram gives the same bits", () => {
    const plan = planOf([
      "firstQuarter(cash(lab) / $1 > 1) * 2",
      "revenue(lab) / $1",
    ]) as OutputsPlan;
    const expected = evaluate(plan, false);
    vi.stubGlobal("Function", () => {
      throw new EvalError("code generation from strings disallowed");
    });
    try {
      const recorded = record(plan, COUNT, series, assumption, { kernels: true });
      expect(recorded.kernel).toBeNull();
      expect([...(recorded.firsts[0]?.values() ?? [])].map((f) => f.test)).toEqual([null]);
      expect(evaluate(plan, true)).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
