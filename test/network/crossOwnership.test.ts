// crossOwnership: Suzuki's four-firm example, two-firm systems solved in closed form, and on
// random systems the fixed point, conservation of value and monotonicity in external assets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CrossOwnershipInput, crossOwnership } from "../../src/network/crossOwnership.js";

type Edge = readonly [number, number, number];

/** The edges of a dense matrix, row i = holder. */
function edges(m: number[][]): Edge[] {
  return m.flatMap((row, i) => row.flatMap((x, j): Edge[] => (x === 0 ? [] : [[i, j, x]])));
}

function expectClose(actual: Float64Array, expected: number[], digits = 13) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((x, i) => {
    expect(actual[i]).toBeCloseTo(x, digits);
  });
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

/** Random systems whose cross-held shares of each firm's equity and debt sum to at most 0.9. */
const system = fc.integer({ min: 1, max: 7 }).chain((n) => {
  const holdings = fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: n - 1 }),
      fc.integer({ min: 0, max: n - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    { maxLength: 15 },
  );
  const values = (max: number) =>
    fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: n, maxLength: n });
  return fc.record({
    n: fc.constant(n),
    equity: holdings,
    debt: holdings,
    a: values(5),
    d: values(4),
    raise: values(2),
  });
});

function scaled(n: number, list: [number, number, number][]): Edge[] {
  const held = new Array<number>(n).fill(0);
  for (const [, j, s] of list) held[j] = held[j]! + s;
  return list.map(([i, j, s]) => [i, j, held[j]! > 0.9 ? (0.9 * s) / held[j]! : s]);
}

function toInput(sys: {
  n: number;
  equity: [number, number, number][];
  debt: [number, number, number][];
  a: number[];
  d: number[];
}): CrossOwnershipInput {
  return {
    n: sys.n,
    equityCrossHoldings: scaled(sys.n, sys.equity),
    debtCrossHoldings: scaled(sys.n, sys.debt),
    externalAssets: Float64Array.from(sys.a),
    nominalDebt: Float64Array.from(sys.d),
  };
}

describe("crossOwnership", () => {
  it("values Suzuki's four-firm example: all solvent, every debt paid in full", () => {
    // Suzuki (2002), the four-firm example, as transcribed in FinNetValu (Bertschinger & Stobbe,
    // https://github.com/bertschi/FinNetValu, examples/replications.jmd, "the larger example",
    // and test/models/test_xos.jl, which asserts that all four firms are solvent and that
    // debt = d at the fixed point): Mˢ and Mᵈ below, a = (2, 0.5, 0.6, 0.6), d = 0.8 each.
    // With everyone solvent b = d and s solves (I − Mˢ)s = a + Mᵈd − d = (1.28, −0.22, −0.04,
    // −0.12), whose exact rational solution is s = (13747/10335, 734/10335, 29/265, 107/3445),
    // all > 0 as assumed.
    const equity = [
      [0, 0.2, 0.3, 0.1],
      [0.2, 0, 0.2, 0.1],
      [0.1, 0.1, 0, 0.3],
      [0.1, 0.1, 0.1, 0],
    ];
    const debt = [
      [0, 0, 0.1, 0],
      [0, 0, 0, 0.1],
      [0.1, 0, 0, 0.1],
      [0, 0.1, 0, 0],
    ];
    const r = crossOwnership({
      n: 4,
      equityCrossHoldings: edges(equity),
      debtCrossHoldings: edges(debt),
      externalAssets: Float64Array.of(2, 0.5, 0.6, 0.6),
      nominalDebt: Float64Array.of(0.8, 0.8, 0.8, 0.8),
    });
    expect(r.converged).toBe(true);
    expect([...r.defaulted]).toEqual([0, 0, 0, 0]);
    expectClose(r.debtValue, [0.8, 0.8, 0.8, 0.8]);
    expectClose(r.equityValue, [13747 / 10335, 734 / 10335, 29 / 265, 107 / 3445]);
    expectClose(r.firmValue, [
      13747 / 10335 + 0.8,
      734 / 10335 + 0.8,
      29 / 265 + 0.8,
      107 / 3445 + 0.8,
    ]);
    // Held outside: 60%, 60%, 40%, 50% of the equity; 90%, 90%, 90%, 80% of the debt.
    expect(sum(r.equityValueToOutsideHolders) + sum(r.debtValueToOutsideHolders)).toBeCloseTo(
      3.7,
      13,
    );
  });

  it("values two solvent firms holding each other's shares in closed form", () => {
    // 0 holds half of 1's equity, 1 a quarter of 0's; a = (3, 2), d = (1, 1), both solvent:
    // s0 = 2 + 0.5·s1, s1 = 1 + 0.25·s0 ⇒ s0 = 2.5 / 0.875 = 20/7, s1 = 12/7.
    // Outside: 0.75·20/7 = 15/7 and 0.5·12/7 = 6/7 of equity, both debts: 15/7 + 6/7 + 2 = 5.
    const r = crossOwnership({
      n: 2,
      equityCrossHoldings: [
        [0, 1, 0.5],
        [1, 0, 0.25],
      ],
      debtCrossHoldings: [],
      externalAssets: Float64Array.of(3, 2),
      nominalDebt: Float64Array.of(1, 1),
    });
    expectClose(r.equityValue, [20 / 7, 12 / 7]);
    expectClose(r.firmValue, [27 / 7, 19 / 7]);
    expectClose(r.debtValue, [1, 1]);
    expectClose(r.equityValueToOutsideHolders, [15 / 7, 6 / 7]);
    expectClose(r.debtValueToOutsideHolders, [1, 1]);
    expect([...r.defaulted]).toEqual([0, 0]);
  });

  it("values two firms defaulting on each other's debt in closed form", () => {
    // Each holds half of the other's debt; a = (0.5, 0.4), d = (1, 1). If both default, b = r:
    // r0 = 0.5 + 0.5·r1, r1 = 0.4 + 0.5·r0 ⇒ r0 = 0.7 / 0.75 = 14/15 < 1, r1 = 13/15 < 1.
    // Outside creditors get half of each: 7/15 + 13/30 = 0.9 = 0.5 + 0.4.
    const r = crossOwnership({
      n: 2,
      equityCrossHoldings: [],
      debtCrossHoldings: [
        [0, 1, 0.5],
        [1, 0, 0.5],
      ],
      externalAssets: Float64Array.of(0.5, 0.4),
      nominalDebt: Float64Array.of(1, 1),
    });
    expectClose(r.firmValue, [14 / 15, 13 / 15]);
    expectClose(r.debtValue, [14 / 15, 13 / 15]);
    expectClose(r.equityValue, [0, 0]);
    expect([...r.defaulted]).toEqual([1, 1]);
    expectClose(r.debtValueToOutsideHolders, [7 / 15, 13 / 30]);
  });

  it("values a defaulting firm that owns part of its solvent creditor in closed form", () => {
    // 0 holds 20% of 1's equity, 1 holds half of 0's debt; a = (0.6, 2), d = (1, 1).
    // Guess 0 defaults, 1 solvent: r0 = 0.6 + 0.2·s1, s1 = r1 − 1 = 1 + 0.5·r0
    // ⇒ r0 = 0.8 + 0.1·r0 = 8/9 < 1 ✓, r1 = 2 + 4/9 = 22/9 ≥ 1 ✓, s1 = 13/9.
    // Outside: 0.8·13/9 of 1's equity, 0.5·8/9 of 0's debt and all of 1's: 2.6 = 0.6 + 2.
    const r = crossOwnership({
      n: 2,
      equityCrossHoldings: [[0, 1, 0.2]],
      debtCrossHoldings: [[1, 0, 0.5]],
      externalAssets: Float64Array.of(0.6, 2),
      nominalDebt: Float64Array.of(1, 1),
    });
    expectClose(r.firmValue, [8 / 9, 22 / 9]);
    expectClose(r.equityValue, [0, 13 / 9]);
    expectClose(r.debtValue, [8 / 9, 1]);
    expect([...r.defaulted]).toEqual([1, 0]);
    expectClose(r.equityValueToOutsideHolders, [0, 0.8 * (13 / 9)]);
    expectClose(r.debtValueToOutsideHolders, [4 / 9, 1]);
  });

  it("does not count a firm whose value exactly equals its debt as defaulted", () => {
    const r = crossOwnership({
      n: 1,
      equityCrossHoldings: [],
      debtCrossHoldings: [],
      externalAssets: Float64Array.of(1),
      nominalDebt: Float64Array.of(1),
    });
    expect([...r.defaulted]).toEqual([0]);
    expect([...r.equityValue]).toEqual([0]);
    expect([...r.debtValue]).toEqual([1]);
  });

  it("converges to the fixed point of r = a + Mˢs + Mᵈb, s = (r − d)⁺, b = min(d, r)", () => {
    fc.assert(
      fc.property(system, (sys) => {
        const input = toInput(sys);
        const r = crossOwnership(input);
        expect(r.converged).toBe(true);
        const image = Float64Array.from(input.externalAssets);
        for (const [i, j, s] of input.equityCrossHoldings) image[i]! += s * r.equityValue[j]!;
        for (const [i, j, s] of input.debtCrossHoldings) image[i]! += s * r.debtValue[j]!;
        const scale = Math.max(1, ...r.firmValue);
        image.forEach((x, i) => {
          expect(Math.abs(x - r.firmValue[i]!)).toBeLessThan(1e-11 * scale);
          expect(r.equityValue[i]).toBe(Math.max(0, r.firmValue[i]! - sys.d[i]!));
          expect(r.debtValue[i]).toBe(Math.min(sys.d[i]!, r.firmValue[i]!));
          expect(r.defaulted[i]).toBe(r.firmValue[i]! < sys.d[i]! ? 1 : 0);
        });
      }),
      { seed: 51, numRuns: 400 },
    );
  });

  it("conserves value: outside holders' equity and debt add up to the external assets", () => {
    fc.assert(
      fc.property(system, (sys) => {
        const r = crossOwnership(toInput(sys));
        const outside = sum(r.equityValueToOutsideHolders) + sum(r.debtValueToOutsideHolders);
        expect(Math.abs(outside - sum(sys.a))).toBeLessThan(1e-10 * Math.max(1, sum(sys.a)));
      }),
      { seed: 52, numRuns: 400 },
    );
  });

  it("is monotone in external assets: no firm, equity or debt value falls when they rise", () => {
    fc.assert(
      fc.property(system, (sys) => {
        const input = toInput(sys);
        const low = crossOwnership(input);
        const high = crossOwnership({
          ...input,
          externalAssets: input.externalAssets.map((x, i) => x + sys.raise[i]!),
        });
        const tolerance = 1e-10 * Math.max(1, ...high.firmValue);
        for (let i = 0; i < sys.n; i++) {
          expect(high.firmValue[i]).toBeGreaterThanOrEqual(low.firmValue[i]! - tolerance);
          expect(high.equityValue[i]).toBeGreaterThanOrEqual(low.equityValue[i]! - tolerance);
          expect(high.debtValue[i]).toBeGreaterThanOrEqual(low.debtValue[i]! - tolerance);
        }
      }),
      { seed: 53, numRuns: 400 },
    );
  });
});
