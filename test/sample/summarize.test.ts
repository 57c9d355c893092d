// summarize: exact R-7 quantiles, checked against a full sort on arrays with ties, outliers and
// heavy tails (which put most values in one bin and make the binning recurse).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantiles, summarize } from "../../src/sample/summarize.js";
import { SUMMARY_QUANTILES } from "../../src/sample/summaryQuantiles.js";

/** R-7 quantile of sorted `s` at p. */
function r7(s: Float64Array, p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const below = s[lo] as number;
  return lo + 1 >= s.length ? below : below + (h - lo) * ((s[lo + 1] as number) - below);
}

const values = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((u) => Math.exp(12 * u) * 1e6),
);

describe("summarize", () => {
  it("gives the quantiles of a full sort, bit for bit, for any mix of ties, outliers and tails", () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 3000 }), (list) => {
        const x = Float64Array.from(list);
        const sorted = x.slice().sort();
        const s = summarize(x);
        const expected = SUMMARY_QUANTILES.map((p) => r7(sorted, p));
        expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(expected);
        expect(quantiles(x, [0.01, 0.99])).toEqual([r7(sorted, 0.01), r7(sorted, 0.99)]);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("recurses into a bin that holds almost every value", () => {
    const x = new Float64Array(50_000).map((_, i) => (i % 997) / 1e6);
    x[7] = 1e15;
    const sorted = x.slice().sort();
    const s = summarize(x);
    expect([s.p5, s.p50, s.p95]).toEqual([0.05, 0.5, 0.95].map((p) => r7(sorted, p)));
  });
});
