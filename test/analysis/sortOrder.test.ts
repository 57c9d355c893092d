// sortOrder against the comparator sort it replaces: the same permutation for random samples with
// many ties, −0 beside 0 and infinities, and NaN placed last.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortOrder } from "../../src/analysis/sortOrder.js";

/** The stable argsort by comparator: ascending value, then ascending index. */
function byComparator(x: Float64Array): number[] {
  return Array.from({ length: x.length }, (_, i) => i).sort(
    (a, b) => (x[a] as number) - (x[b] as number) || a - b,
  );
}

const values = fc.array(
  fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 2.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -3, max: 3 }),
  ),
  { maxLength: 300 },
);

describe("sortOrder", () => {
  it("orders by value, equal values (−0 and 0 too) by index", () => {
    expect([...sortOrder(Float64Array.of(3, 1, 3, 2))]).toEqual([1, 3, 0, 2]);
    expect([...sortOrder(Float64Array.of(0, -0, 0, -1))]).toEqual([3, 0, 1, 2]);
  });

  it("gives the comparator sort's permutation for random samples with ties", () => {
    fc.assert(
      fc.property(values, (xs) => {
        const x = Float64Array.from(xs);
        expect([...sortOrder(x)]).toEqual(byComparator(x));
      }),
      { numRuns: 300 },
    );
  });

  it("puts NaN last, in index order, and still returns a permutation", () => {
    const order = [...sortOrder(Float64Array.of(Number.NaN, 2, Number.NaN, 1))];
    expect(order).toEqual([3, 1, 0, 2]);
  });
});
