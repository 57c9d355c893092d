// summarizeInto, bit for bit against a plain reference: the mean from two interleaved sums, the sd
// from squared deviations added in sample order, the quantiles from a full sort; on columns with
// heavy ties, constants (signed zeros too), infinities, a range that overflows, and NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summaryScratch } from "../../src/sample/orderStatistics.js";
import { SUMMARY_LENGTH, summarize, summarizeInto } from "../../src/sample/summarize.js";
import { SUMMARY_QUANTILES } from "../../src/sample/summaryQuantiles.js";

/** R-7 quantile of sorted `s` at p. */
function r7(s: Float64Array, p: number): number {
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const below = s[lo] as number;
  return lo + 1 >= s.length || h === lo
    ? below
    : below + (h - lo) * ((s[lo + 1] as number) - below);
}

/** The reference summary of a non-constant column: the arithmetic summarizeInto must match. */
function reference(x: Float64Array): number[] {
  let even = 0;
  let odd = 0;
  x.forEach((v, i) => {
    if (i & 1) odd += v;
    else even += v;
  });
  const mean = (even + odd) / x.length;
  let squares = 0;
  for (const v of x) squares += (v - mean) * (v - mean);
  const sorted = x.slice().sort();
  const sd = x.length > 1 ? Math.sqrt(squares / (x.length - 1)) : 0;
  return [mean, sd, ...SUMMARY_QUANTILES.map((p) => r7(sorted, p))];
}

const tied = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
  {
    weight: 2,
    arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((u) => Math.exp(30 * u)) },
);

describe("summarizeInto", () => {
  it("matches the reference bit for bit, reusing one scratch across columns", () => {
    const scratch = summaryScratch();
    fc.assert(
      fc.property(fc.array(tied, { minLength: 2, maxLength: 4000 }), (list) => {
        const x = Float64Array.from(list, (v) => (Object.is(v, -0) ? 0 : v));
        if (x.every((v) => v === x[0])) return;
        const out = new Float64Array(SUMMARY_LENGTH + 3);
        summarizeInto(x, out, 3, scratch);
        expect(Array.from(out.subarray(3))).toEqual(reference(x));
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  it("gives a constant column's value, −0 when any of its zeros is −0", () => {
    const zeros = new Float64Array(1000);
    expect(Object.is(summarize(zeros).mean, 0)).toBe(true);
    zeros[700] = -0;
    const s = summarize(zeros);
    expect([s.mean, s.p5, s.p50, s.p95].every((v) => Object.is(v, -0))).toBe(true);
    expect(Object.is(s.sd, 0)).toBe(true);
    expect(summarize(new Float64Array(3000).fill(2.5))).toEqual({
      mean: 2.5,
      sd: 0,
      p5: 2.5,
      p25: 2.5,
      p50: 2.5,
      p75: 2.5,
      p95: 2.5,
    });
  });

  it("sorts columns with infinities or a range wider than the largest double", () => {
    const inf = new Float64Array(2000).map((_, i) => i);
    inf[3] = Number.POSITIVE_INFINITY;
    const wide = new Float64Array(2000).map((_, i) => (i - 1000) * 1e305);
    for (const x of [inf, wide]) {
      const sorted = x.slice().sort();
      const s = summarize(x);
      expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(
        SUMMARY_QUANTILES.map((p) => r7(sorted, p)),
      );
    }
  });

  it("reports NaN mean and sd for a column holding NaN, quantiles from a sort", () => {
    const x = new Float64Array(1000).map((_, i) => i);
    x[10] = Number.NaN;
    const s = summarize(x);
    const sorted = x.slice().sort();
    expect(s.mean).toBeNaN();
    expect(s.sd).toBeNaN();
    expect(s.p50).toBe(r7(sorted, 0.5));
  });
});
