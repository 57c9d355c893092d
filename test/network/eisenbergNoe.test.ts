// clearEisenbergNoe: published examples, the conventions (greatest vector, exact solvency, rounds)
// and the invariants of a clearing vector, against brute-force Picard iteration.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearEisenbergNoe } from "../../src/network/eisenbergNoe.js";
import {
  arbitraryNetwork,
  type Edge,
  maxRelativeDifference,
  network,
  picard,
  scaleAssets,
  violation,
} from "./clearingOracle.js";
import { ROGERS_VERAART, ROGERS_VERAART_ASSETS, systemicrisk } from "./publishedNetworks.js";

/** Expects `actual` to equal `expected` to 1e-14 relative. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expect(maxRelativeDifference(actual, expected)).toBeLessThan(1e-14);
}

describe("clearEisenbergNoe on published examples", () => {
  it("clears the systemicrisk default_clearing example: bank 0 fails, then bank 1", () => {
    const r = clearEisenbergNoe(systemicrisk);
    expectClose(r.payments, [165 / 112, 159 / 112, 3 / 2]);
    expect([...r.defaulted]).toEqual([1, 1, 0]);
    expect([...r.defaultRound]).toEqual([1, 2, 0]);
    expect(r.rounds).toBe(2);
    expectClose(r.equity, [0, 0, 1 / 56]);
    expect(r.externalCreditorPayments).toBeCloseTo(13 / 7, 14);
    expect(r.deadweightLoss).toBe(0);
  });

  it("clears Barucca's three-bank exercise after a 10% shock to external assets", () => {
    // paolobarucca/eisenbergnoe, Exercise2.m (Big Data Finance 2017): L = [0 4 0; 0 0 3; 2 0 0],
    // external assets 0.9 × (20, 20, 10), external liabilities (17, 18, 8).
    const r = clearEisenbergNoe(
      network(
        [
          [0, 1, 4],
          [1, 2, 3],
          [2, 0, 2],
        ],
        [18, 18, 9],
        [17, 18, 8],
      ),
    );
    expectClose(r.payments, [20, 21, 10]);
    expect([...r.defaulted]).toEqual([1, 0, 0]);
    expectClose(r.equity, [0, 17 / 21, 2]);
    expectClose(r.recoveryRate, [20 / 21, 1, 1]);
    expect(r.totalShortfall).toBeCloseTo(1, 14);
  });

  it("leaves every bank of the Rogers–Veraart asymmetric example solvent", () => {
    const r = clearEisenbergNoe(network(ROGERS_VERAART, ROGERS_VERAART_ASSETS));
    expect([...r.defaulted]).toEqual([0, 0, 0, 0, 0, 0]);
    expectClose(r.payments, [13, 8, 13, 8, 12, 9]);
    expectClose(r.equity, [8.79, 17.15, 0.98, 0.99, 0.5, 1]);
    expect(r.rounds).toBe(0);
  });

  it("fails banks 2 and 4 of the Rogers–Veraart example when external assets are halved", () => {
    const r = clearEisenbergNoe(
      network(
        ROGERS_VERAART,
        ROGERS_VERAART_ASSETS.map((x) => x / 2),
      ),
    );
    expectClose(r.payments, [13, 8, 329 / 40, 8, 25 / 4, 9]);
    expect([...r.defaultRound]).toEqual([0, 0, 1, 0, 1, 0]);
    // Bank 5 has exactly what it owes (1 + 8 = 9): solvent, with nothing left.
    expect(r.defaulted[5]).toBe(0);
    expectClose(r.equity, [2.54, 11.875, 0, 0.29, 0, 0]);
  });
});

describe("clearEisenbergNoe conventions", () => {
  it("returns the greatest clearing vector when a zero-cash cycle allows several", () => {
    const r = clearEisenbergNoe(
      network(
        [
          [0, 1, 1],
          [1, 0, 1],
        ],
        [0, 0],
      ),
    );
    expect([...r.payments]).toEqual([1, 1]);
    expect([...r.defaulted]).toEqual([0, 0]);
  });

  it("lets a node that owes nothing pay nothing and never default", () => {
    const r = clearEisenbergNoe(network([[0, 1, 5]], [2, 0]));
    expect([...r.payments]).toEqual([2, 0]);
    expect([...r.defaulted]).toEqual([1, 0]);
    expect(r.recoveryRate[1]).toBe(1);
    expect(r.equity[1]).toBe(2);
  });

  it("never defaults a node that owes nothing, whatever the rounding of what it is paid", () => {
    // Node 2 is owed 2.2 and 0.3 by two nodes that pay nothing: what it receives comes out at
    // about −1e-17 once their payments are written down, and it still owes nothing.
    const r = clearEisenbergNoe(
      network(
        [
          [0, 2, 2.2],
          [1, 2, 0.3],
          [0, 1, 8.8],
        ],
        [0, 0, 0],
      ),
    );
    expect([...r.defaulted]).toEqual([1, 1, 0]);
    expect([...r.payments]).toEqual([0, 0, 0]);
  });

  it("keeps a node that can exactly pay solvent despite floating-point noise", () => {
    // 0.1 + 0.2 = 0.30000000000000004 > 0.3: the node owes a hair more than it has.
    const r = clearEisenbergNoe(
      network(
        [
          [0, 1, 0.1],
          [0, 2, 0.2],
        ],
        [0.3, 0, 0],
      ),
    );
    expect(r.defaulted[0]).toBe(0);
    expect(r.payments[0]).toBe(r.totalLiabilities[0]);
    expect(r.equity[0]).toBe(0);
  });

  it("counts the rounds of a chain of defaults, one creditor further each round", () => {
    // Node i owes node i + 1 ten (the last owes ten outside) and holds 0.1: it receives 0.1·i,
    // pays 0.1·(i + 1) and is found insolvent in round i + 1.
    const n = 50;
    const edges: Edge[] = Array.from({ length: n - 1 }, (_, i) => [i, i + 1, 10] as const);
    const b = Array.from({ length: n }, (_, i) => (i === n - 1 ? 10 : 0));
    const r = clearEisenbergNoe(network(edges, new Array<number>(n).fill(0.1), b));
    expect([...r.defaultRound]).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(r.rounds).toBe(n);
    expectClose(
      r.payments,
      Array.from({ length: n }, (_, i) => r.paymentsReceived[i] as number).map((x) => x + 0.1),
    );
    expect(r.payments[n - 1]).toBeCloseTo(5, 12);
  });

  it("solves exactly a long cycle of defaulters that leaks almost nothing", () => {
    // Each node of a ring owes the next 1 − 2⁻¹² and 2⁻¹² outside (p̄ = 1), and holds 2⁻²⁰: all
    // default and pay p = 2⁻²⁰ + (1 − 2⁻¹²)·p, that is p = 2⁻⁸, every number exact in binary.
    // The system's condition number is 2¹², so p is known to about 2¹²·ε relative. 100 nodes
    // converge slowly under Gauss–Seidel and are solved directly; 2,000 by Gauss–Seidel.
    for (const n of [100, 2000]) {
      const edges: Edge[] = Array.from(
        { length: n },
        (_, i) => [i, (i + 1) % n, 1 - 2 ** -12] as const,
      );
      const r = clearEisenbergNoe(
        network(edges, new Array<number>(n).fill(2 ** -20), new Array<number>(n).fill(2 ** -12)),
      );
      expect(
        maxRelativeDifference(
          r.payments.map((p) => p / 2 ** -8),
          new Array<number>(n).fill(1),
        ),
      ).toBeLessThan(1e-12);
      expect(r.rounds).toBe(1);
    }
  });
});

/** A random network of n nodes, each owing about `degree` others, from a seeded generator. */
function randomNetwork(n: number, degree: number, seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const edges: Edge[] = [];
  for (let k = 0; k < n * degree; k++)
    edges.push([Math.floor(next() * n), Math.floor(next() * n), 0.5 + next()]);
  const e = Array.from({ length: n }, () => next() * 2 * degree * 0.6);
  const b = Array.from({ length: n }, () => next());
  return network(edges, e, b);
}

describe("clearEisenbergNoe invariants", () => {
  it("pays 0 ≤ p ≤ p̄, at a fixed point of Φ, conserving value", () => {
    fc.assert(
      fc.property(arbitraryNetwork, (net) => {
        expect(violation(net, clearEisenbergNoe(net))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with Picard iteration from p̄ run to convergence", () => {
    fc.assert(
      fc.property(arbitraryNetwork, (net) => {
        expect(maxRelativeDifference(clearEisenbergNoe(net).payments, picard(net))).toBeLessThan(
          1e-9,
        );
      }),
      { numRuns: 500 },
    );
  });

  it("loses more, never less, when external assets are cut", () => {
    fc.assert(
      fc.property(
        arbitraryNetwork,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (net, cut) => {
          const before = clearEisenbergNoe(net);
          const after = clearEisenbergNoe(
            scaleAssets(
              net,
              cut.map((c) => 1 - c),
            ),
          );
          expect(after.totalShortfall).toBeGreaterThanOrEqual(before.totalShortfall - 1e-9);
          for (let i = 0; i < net.externalAssets.length; i++) {
            expect(after.payments[i]).toBeLessThanOrEqual((before.payments[i] as number) + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with Picard iteration on a random network of 2,000 nodes and 16,000 obligations", () => {
    const net = randomNetwork(2000, 8, 12345);
    const r = clearEisenbergNoe(net);
    const defaulters = r.defaulted.reduce((a, x) => a + x, 0);
    expect(defaulters).toBeGreaterThan(200);
    expect(violation(net, r)).toBeNull();
    expect(maxRelativeDifference(r.payments, picard(net))).toBeLessThan(1e-9);
  });
});
