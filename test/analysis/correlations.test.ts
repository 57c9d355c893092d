// Correlated inputs (Iman–Conover): the achieved rank correlations, the marginals kept, and the
// errors for impossible or malformed correlations.
import { describe, expect, it } from "vitest";
import { spearman } from "../../src/analysis/spearman.js";
import { sampleModel } from "../../src/sample/sampleModel.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";

const HEAD =
  "name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n  a: 1 to 10\n  b: normal(0, 1)\n  c: uniform(0, 1)\n  d: = a + b\n";

function draw(correlations: string, samples: number) {
  const checked = checkScenario(`${HEAD}correlations:\n${correlations}`);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  const r = sampleModel(checked.value.model, {
    samples,
    seed: 1,
    start: 8100,
    correlation: checked.value.correlation,
  });
  if (!r.ok) throw new Error("sampling failed");
  return r.value.columns as Float64Array[];
}

function errors(correlations: string): string {
  const text = `${HEAD}correlations:\n${correlations}`;
  const checked = checkScenario(text);
  if (checked.ok) throw new Error("expected problems");
  return formatDiagnostics("c.yaml", text, checked.diagnostics);
}

describe("correlations", () => {
  it("achieves the requested rank correlations within 0.02 at 10^5 samples", () => {
    const [a, b, c] = draw("  - [a, b, 0.7]\n  - [a, c, -0.4]\n  - [b, c, 0.1]\n", 100_000) as [
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    expect(Math.abs(spearman(a, b) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearman(a, c) + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(spearman(b, c) - 0.1)).toBeLessThan(0.02);
  });

  it("keeps every input's own samples (its marginal) and evaluates formulas on the reordered ones", () => {
    const plain = checkScenario(HEAD);
    if (!plain.ok) throw new Error("does not check");
    const r = sampleModel(plain.value.model, { samples: 20_000, seed: 1, start: 8100 });
    if (!r.ok) throw new Error("sampling failed");
    const correlated = draw("  - [a, b, 0.7]\n", 20_000);
    const sorted = (x: Float64Array) => Float64Array.from(x).sort();
    expect(sorted(correlated[0] as Float64Array)).toEqual(
      sorted(r.value.columns[0] as Float64Array),
    );
    expect(sorted(correlated[1] as Float64Array)).toEqual(
      sorted(r.value.columns[1] as Float64Array),
    );
    (correlated[3] as Float64Array).forEach((d, i) => {
      expect(d).toBe((correlated[0] as Float64Array)[i]! + (correlated[1] as Float64Array)[i]!);
    });
  });

  it("is reproducible: the same seed gives the same bits", () => {
    expect(draw("  - [a, b, 0.5]\n", 5000)).toEqual(draw("  - [a, b, 0.5]\n", 5000));
  });

  it("says which triples cannot hold together when the matrix is not positive definite", () => {
    expect(errors("  - [a, b, 0.9]\n  - [a, c, 0.9]\n  - [b, c, -0.9]\n")).toContain(
      "the correlations are inconsistent (the matrix is not positive definite); these cannot hold together: {a, b, c}",
    );
  });

  it("refuses formulas, unknown names, self-pairs, repeats and values outside [-1, 1], each at its line", () => {
    const text = errors(
      "  - [a, d, 0.5]\n  - [a, bb, 0.5]\n  - [a, a, 0.5]\n  - [b, c, 0.2]\n  - [c, b, 0.3]\n",
    );
    expect(text).toContain('c.yaml:10:5: "d" is not an uncertain value');
    expect(text).toContain('c.yaml:11:5: unknown name "bb" (did you mean "b"?) in correlations');
    expect(text).toContain('c.yaml:12:5: "a" is correlated with itself');
    expect(text).toContain('c.yaml:14:5: the correlation of "c" and "b" is given twice');
    expect(errors("  - [a, b, 1.5]\n")).toContain("a rank correlation is at most 1");
  });
});
