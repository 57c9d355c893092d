// fastExp: within 3 ulp of Math.exp everywhere, exact special cases; and its inline source for
// generated code (fastExpSource), which must give the same bits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FAST_EXP_TABLES, fastExp, fastExpSource } from "../../src/math/index.js";

/** Distance in units in the last place between two positive doubles. */
function ulps(a: number, b: number): number {
  const buf = new Float64Array([a, b]);
  const bits = new BigInt64Array(buf.buffer);
  const d = (bits[0] as bigint) - (bits[1] as bigint);
  return Number(d < 0n ? -d : d);
}

describe("fastExp", () => {
  it("is within 3 ulp of Math.exp on [-700, 700]", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(ulps(fastExp(x), Math.exp(x))).toBeLessThanOrEqual(3);
      }),
      { numRuns: 100_000 },
    );
  });

  it("gives 1 at 0, e at 1, and Math.exp's answers outside (-708, 709)", () => {
    expect(fastExp(0)).toBe(1);
    expect(ulps(fastExp(1), Math.E)).toBeLessThanOrEqual(1);
    expect(fastExp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExp(-746)).toBe(0);
    expect(fastExp(-720)).toBe(Math.exp(-720));
    expect(fastExp(Number.NaN)).toBeNaN();
  });
});

describe("fastExpSource", () => {
  const inline = new Function(
    "x",
    "fraction",
    "pow2",
    [...fastExpSource("e", "x", "fraction", "pow2"), "return e;"].join("\n"),
  ) as (x: number, fraction: Float64Array, pow2: Float64Array) => number;
  const { fraction, pow2 } = FAST_EXP_TABLES;

  it("gives fastExp's bits, inside its range and out of it", () => {
    fc.assert(
      fc.property(fc.double({ min: -800, max: 800 }), (x) => {
        expect(Object.is(inline(x, fraction, pow2), fastExp(x))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
    for (const x of [0, -0, 708.9, 709, -707.9, -708, 1e-300, Number.NaN, Number.POSITIVE_INFINITY])
      expect(Object.is(inline(x, fraction, pow2), fastExp(x))).toBe(true);
  });
});
