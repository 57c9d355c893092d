// power: whole exponents by squaring within a few ulps of Math.pow, everything else Math.pow.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { power } from "../../src/math/power.js";
import { applyOp } from "../../src/model/applyOp.js";

describe("power", () => {
  it("is exact where the result is representable, and handles signs and zero", () => {
    expect(power(2, 10)).toBe(1024);
    expect(power(-3, 3)).toBe(-27);
    expect(power(7, 0)).toBe(1);
    expect(power(0, 0)).toBe(1);
    expect(power(Number.NaN, 0)).toBe(1);
  });

  it("stays within 1e-14 (relative) of Math.pow for whole exponents up to 64", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 64 }),
        (x, n) => {
          const exact = x ** n;
          expect(Math.abs(power(x, n) - exact)).toBeLessThanOrEqual(1e-14 * Math.abs(exact));
        },
      ),
      { seed: 3, numRuns: 2000 },
    );
  });

  it("uses Math.pow for fractional, negative and large exponents", () => {
    for (const [x, y] of [
      [2, 0.5],
      [2, -1],
      [1.01, 65],
      [-8, 1 / 3],
    ] as const)
      expect(Object.is(power(x, y), x ** y)).toBe(true);
  });

  it("is what formulas compute (applyOp)", () => {
    expect(applyOp("pow", 1.1, 23, 0)).toBe(power(1.1, 23));
  });
});
