// clearRogersVeraart: published examples where default costs make defaults spread further than
// under Eisenberg–Noe, α = β = 1 giving Eisenberg–Noe, and the invariants against Picard.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrFromEdges } from "../../src/network/csr.js";
import { clearEisenbergNoe } from "../../src/network/eisenbergNoe.js";
import { clearRogersVeraart } from "../../src/network/rogersVeraart.js";
import {
  arbitraryNetwork,
  maxRelativeDifference,
  network,
  picard,
  scaleAssets,
  sum,
  violation,
} from "./clearingOracle.js";
import { ROGERS_VERAART, ROGERS_VERAART_ASSETS, systemicrisk } from "./publishedNetworks.js";

/** Expects `actual` to equal `expected` to 1e-14 relative. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expect(maxRelativeDifference(actual, expected)).toBeLessThan(1e-14);
}

/** Default costs: α on external assets, β on interbank assets. */
const arbitraryCosts = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
  .map(([a, b]) => [a / 20, b / 20] as const);

describe("clearRogersVeraart on published examples", () => {
  it("fails all three banks of the systemicrisk example with α = 0.5, β = 0.7 (two under EN)", () => {
    // systemicrisk's `default_clearing(L, ea, el, alpha = 0.5, beta = 0.7)`; the package's GA
    // (Rogers & Veraart, Definition 3.6) carried out in exact rational arithmetic.
    const r = clearRogersVeraart(systemicrisk, 0.5, 0.7);
    expectClose(r.payments, [4225 / 8416, 160275 / 311392, 176055 / 311392]);
    expect([...r.defaultRound]).toEqual([1, 2, 2]);
    expect(r.rounds).toBe(2);
    expect(r.externalCreditorPayments).toBeCloseTo(5565 / 8416, 14);
    expect(r.deadweightLoss).toBeCloseTo(10215 / 8416, 14);
    expect(r.totalEquity).toBe(0);
    expect(sum(clearEisenbergNoe(systemicrisk).defaulted)).toBe(2);
  });

  it("brings down the whole Rogers–Veraart asymmetric example, round by round, at α = β = 0.5", () => {
    // External assets halved: under Eisenberg–Noe banks 2 and 4 fail and the rest hold; with
    // default costs each failure takes the next bank down, over five rounds.
    const net = network(
      ROGERS_VERAART,
      ROGERS_VERAART_ASSETS.map((x) => x / 2),
    );
    const r = clearRogersVeraart(net, 0.5, 0.5);
    expectClose(r.payments, [
      6694431 / 2192650,
      154625567 / 54816250,
      173633033 / 54816250,
      1489929 / 1096325,
      25 / 8,
      1293127 / 1096325,
    ]);
    expect([...r.defaultRound]).toEqual([2, 5, 1, 3, 1, 4]);
    expect(r.rounds).toBe(5);
    expect(r.deadweightLoss).toBeCloseTo(2941 / 200, 13);
    expect(sum(clearEisenbergNoe(net).defaulted)).toBe(2);
  });
});

describe("clearRogersVeraart", () => {
  it("is clearEisenbergNoe when α = β = 1", () => {
    fc.assert(
      fc.property(arbitraryNetwork, (net) => {
        const rv = clearRogersVeraart(net, 1, 1);
        const en = clearEisenbergNoe(net);
        expect(rv).toEqual(en);
      }),
      { numRuns: 300 },
    );
  });

  it("pays 0 ≤ p ≤ p̄, at a fixed point of its clearing map, conserving value", () => {
    fc.assert(
      fc.property(arbitraryNetwork, arbitraryCosts, (net, [alpha, beta]) => {
        const r = clearRogersVeraart(net, alpha, beta);
        expect(violation(net, r, alpha, beta)).toBeNull();
        expect(r.deadweightLoss).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it("pays exactly 0, never a rounding error below it, when two defaulters owe each other with nothing outside", () => {
    // Found by the property above: the solve's right-hand side cancelled to −2e-17, which made
    // the payments and the deadweight loss negative.
    const net = {
      liabilities: csrFromEdges(2, [
        [0, 1, 3.5],
        [1, 0, 0.1],
      ]),
      externalAssets: Float64Array.of(0, 0),
      externalLiabilities: Float64Array.of(0.4, 0),
    };
    const r = clearRogersVeraart(net, 0, 0.05);
    expect(Array.from(r.payments)).toEqual([0, 0]);
    expect(r.deadweightLoss).toBe(0);
    expect(violation(net, r, 0, 0.05)).toBeNull();
  });

  it("agrees with Picard iteration from p̄ run to convergence", () => {
    fc.assert(
      fc.property(arbitraryNetwork, arbitraryCosts, (net, [alpha, beta]) => {
        const r = clearRogersVeraart(net, alpha, beta);
        expect(maxRelativeDifference(r.payments, picard(net, alpha, beta))).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it("pays no more than Eisenberg–Noe, and loses more when external assets are cut", () => {
    fc.assert(
      fc.property(
        arbitraryNetwork,
        arbitraryCosts,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (net, [alpha, beta], cut) => {
          const before = clearRogersVeraart(net, alpha, beta);
          const en = clearEisenbergNoe(net);
          const after = clearRogersVeraart(
            scaleAssets(
              net,
              cut.map((c) => 1 - c),
            ),
            alpha,
            beta,
          );
          expect(after.totalShortfall).toBeGreaterThanOrEqual(before.totalShortfall - 1e-9);
          for (let i = 0; i < net.externalAssets.length; i++) {
            expect(before.payments[i]).toBeLessThanOrEqual((en.payments[i] as number) + 1e-9);
            expect(after.payments[i]).toBeLessThanOrEqual((before.payments[i] as number) + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
