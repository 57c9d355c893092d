// spearmanMatrix ranks each column once for every input–output pair: the same numbers, bit for
// bit, as spearman on each pair, ties and constant columns included.
import { describe, expect, it } from "vitest";
import { spearman, spearmanMatrix } from "../../src/analysis/spearman.js";

describe("spearmanMatrix", () => {
  it("equals spearman on every pair, laid out [output][input]", () => {
    const n = 257;
    const inputs = [
      Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7)),
      Float64Array.from({ length: n }, (_, i) => (i * 31) % 17),
      Float64Array.from({ length: n }, () => 4),
    ];
    const outputs = [
      Float64Array.from({ length: n }, (_, i) => Math.cos(i) + (i % 3)),
      Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)),
    ];
    const rho = spearmanMatrix(inputs, outputs);
    expect(rho).toEqual(outputs.map((y) => inputs.map((x) => spearman(x, y))));
    expect(rho[0]?.[2]).toBe(0);
  });

  it("gives one empty row per output when there are no inputs", () => {
    expect(spearmanMatrix([], [Float64Array.of(1, 2)])).toEqual([[]]);
  });
});
