// luFactor / luSolve: a system that needs a row swap, singular matrices, and residuals of random
// well-conditioned systems.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luFactor, luSolve } from "../../src/network/denseSolve.js";

describe("luFactor / luSolve", () => {
  it("swaps rows when the leading entry is 0", () => {
    // [[0, 1], [2, 0]]·x = (3, 4) ⇒ x = (2, 3).
    const f = luFactor(Float64Array.of(0, 1, 2, 0), 2);
    expect(f).not.toBeNull();
    expect([...luSolve(f!, Float64Array.of(3, 4))]).toEqual([2, 3]);
  });

  it("solves a 3×3 system exactly where the arithmetic is exact", () => {
    // [[2, 1, 1], [4, 3, 3], [8, 7, 9]]·(1, 1, 1) = (4, 10, 24).
    const f = luFactor(Float64Array.of(2, 1, 1, 4, 3, 3, 8, 7, 9), 3)!;
    expect([...luSolve(f, Float64Array.of(4, 10, 24))]).toEqual([1, 1, 1]);
    expect([...luSolve(f, Float64Array.of(2, 4, 8))].map((x) => x + 0)).toEqual([1, 0, 0]);
  });

  it("returns null for a singular matrix", () => {
    expect(luFactor(Float64Array.of(1, 2, 2, 4), 2)).toBeNull();
    expect(luFactor(new Float64Array(9), 3)).toBeNull();
  });

  it("leaves the matrix unchanged and solves random diagonally dominant systems to 1e-12", () => {
    const system = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        a: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: n * n,
          maxLength: n * n,
        }),
        b: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(system, ({ n, a, b }) => {
        const m = Float64Array.from(a);
        for (let i = 0; i < n; i++) m[i * n + i] = (m[i * n + i] as number) + n + 1;
        const copy = Float64Array.from(m);
        const x = luSolve(luFactor(m, n)!, Float64Array.from(b));
        expect(m).toEqual(copy);
        for (let i = 0; i < n; i++) {
          let row = 0;
          for (let j = 0; j < n; j++) row += (m[i * n + j] as number) * (x[j] as number);
          expect(row).toBeCloseTo(b[i] as number, 12);
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
