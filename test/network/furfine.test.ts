// furfine: the sequential default cascade, against a hand-worked chain, the definition applied
// literally (dense, round by round) and its monotonicity in the loss given default and the shock.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FurfineInput, furfine } from "../../src/network/furfine.js";

type Edge = readonly [number, number, number];

/** The definition applied literally: every round, every survivor's losses on all failed so far. */
function furfineByDefinition(input: FurfineInput): { round: number[]; rounds: number } {
  const { n, exposures, capital, lossGivenDefault } = input;
  const round = new Array<number>(n).fill(-1);
  for (const j of input.initiallyFailed) round[j] = 0;
  let rounds = 0;
  for (let k = 1; ; k++) {
    const claims = new Array<number>(n).fill(0);
    for (const [i, j, x] of exposures) if (round[j] !== -1) claims[i] = (claims[i] as number) + x;
    const fails = [];
    for (let i = 0; i < n; i++) {
      if (round[i] === -1 && lossGivenDefault * (claims[i] as number) > (capital[i] as number)) {
        fails.push(i);
      }
    }
    if (fails.length === 0) return { round, rounds };
    for (const i of fails) round[i] = k;
    rounds = k;
  }
}

/** Random networks with whole-number exposures and capital, so that every sum is exact. */
const network = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    exposures: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: 20 }),
      ),
      { maxLength: 40 },
    ),
    capital: fc.array(fc.integer({ min: -1, max: 15 }), { minLength: n, maxLength: n }),
    initiallyFailed: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }),
  }),
);

function run(
  net: { n: number; exposures: Edge[]; capital: number[]; initiallyFailed: number[] },
  lossGivenDefault: number,
) {
  return furfine({
    n: net.n,
    exposures: net.exposures,
    capital: Float64Array.from(net.capital),
    initiallyFailed: net.initiallyFailed,
    lossGivenDefault,
  });
}

// A chain of claims on node 0, all capitals 5 except node 2 (4.5) and node 3 (3):
//   1 holds 10 on 0; 2 holds 4 on 0 and 4 on 1; 3 holds 6 on 2; 4 holds 1 on 3.
// With loss given default 0.6 and node 0 failing:
//   round 1: node 1 loses 0.6·10 = 6 > 5, fails; node 2 loses 0.6·4 = 2.4 ≤ 4.5, survives;
//   round 2: node 2 loses 0.6·(4 + 4) = 4.8 > 4.5, fails;
//   round 3: node 3 loses 0.6·6 = 3.6 > 3, fails;
//   round 4: node 4 loses 0.6·1 = 0.6 ≤ 5: the cascade stops after 3 rounds.
const chain: FurfineInput = {
  n: 5,
  exposures: [
    [1, 0, 10],
    [2, 0, 4],
    [2, 1, 4],
    [3, 2, 6],
    [4, 3, 1],
  ],
  capital: Float64Array.of(5, 5, 4.5, 3, 5),
  initiallyFailed: [0],
  lossGivenDefault: 0.6,
};

describe("furfine", () => {
  it("fails each node in the round after its losses on failed debtors first exceed its capital", () => {
    const r = furfine(chain);
    expect([...r.failureRound]).toEqual([0, 1, 2, 3, -1]);
    expect([...r.failed]).toEqual([1, 1, 1, 1, 0]);
    expect(r.rounds).toBe(3);
  });

  it("lets a node whose loss equals its capital survive (the test is strict)", () => {
    // With loss given default 0.5, node 1 loses exactly 5 = its capital: nothing else fails.
    const r = furfine({ ...chain, lossGivenDefault: 0.5 });
    expect([...r.failureRound]).toEqual([0, -1, -1, -1, -1]);
    expect(r.rounds).toBe(0);
  });

  it("adds up repeated exposures to the same debtor", () => {
    const r = furfine({
      n: 2,
      exposures: [
        [1, 0, 3],
        [1, 0, 3],
      ],
      capital: Float64Array.of(1, 5),
      initiallyFailed: [0],
      lossGivenDefault: 1,
    });
    expect([...r.failureRound]).toEqual([0, 1]);
  });

  it("fails a node with negative capital in round 1, and only once however often it is named", () => {
    const r = furfine({
      n: 3,
      exposures: [],
      capital: Float64Array.of(-1, 0, -2),
      initiallyFailed: [2, 2],
      lossGivenDefault: 1,
    });
    expect([...r.failureRound]).toEqual([1, -1, 0]);
    expect(r.rounds).toBe(1);
  });

  it("gives the same rounds as the definition applied literally", () => {
    fc.assert(
      fc.property(network, fc.constantFrom(0, 0.25, 0.5, 0.75, 1), (net, lgd) => {
        const r = run(net, lgd);
        const ref = furfineByDefinition({
          ...net,
          capital: Float64Array.from(net.capital),
          lossGivenDefault: lgd,
        });
        expect([...r.failureRound]).toEqual(ref.round);
        expect(r.rounds).toBe(ref.rounds);
        expect([...r.failed]).toEqual(ref.round.map((k) => (k === -1 ? 0 : 1)));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it("fails no fewer nodes, and none later, when the loss given default is higher", () => {
    fc.assert(
      fc.property(
        network,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (net, a, b) => {
          const low = run(net, Math.min(a, b));
          const high = run(net, Math.max(a, b));
          for (let i = 0; i < net.n; i++) {
            const k = low.failureRound[i] as number;
            if (k >= 0) {
              expect(high.failureRound[i]).toBeGreaterThanOrEqual(0);
              expect(high.failureRound[i]).toBeLessThanOrEqual(k);
            }
          }
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it("fails no fewer nodes when more fail initially", () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 0, max: 11 }), (net, extra) => {
        const more = { ...net, initiallyFailed: [...net.initiallyFailed, extra % net.n] };
        const a = run(net, 0.5);
        const b = run(more, 0.5);
        for (let i = 0; i < net.n; i++) expect(b.failed[i]).toBeGreaterThanOrEqual(a.failed[i]!);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
