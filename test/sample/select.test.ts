// select: the k-th order statistic in place, checked against a full sort on random arrays with
// many ties, sorted and reversed input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { select } from "../../src/sample/select.js";

describe("select", () => {
  it("puts the k-th smallest value at k, with no larger value before and no smaller after", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (values, pick) => {
          const a = Float64Array.from(values);
          const k = pick % a.length;
          select(a, k, 0, a.length - 1);
          const sorted = Float64Array.from(values).sort();
          expect(a[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
          for (let i = k + 1; i < a.length; i++)
            expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
          expect([...a].sort((x, y) => x - y)).toEqual([...sorted]);
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it("handles sorted, reversed and constant input", () => {
    for (const a of [
      Float64Array.from({ length: 1001 }, (_, i) => i),
      Float64Array.from({ length: 1001 }, (_, i) => 1000 - i),
      new Float64Array(1001).fill(3),
    ]) {
      select(a, 500, 0, 1000);
      expect(a[500]).toBe(a.length === 1001 && a[0] === 3 && a[1000] === 3 ? 3 : 500);
    }
  });
});
