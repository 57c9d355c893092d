// elliottGolubJackson: the two-organisation dependency matrix of the EGJ model, hand-worked
// cascades in waves, and, on random networks, the smallest equilibrium (checked against every
// failure set), value conservation and monotonicity in price cuts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ElliottGolubJacksonInput,
  elliottGolubJackson,
} from "../../src/network/elliottGolubJackson.js";

type Edge = readonly [number, number, number];

// Two organisations each holding half of the other, each owning its own primitive asset. This is
// the worked example of the EGJ model in M. O. Jackson's course "Social and Economic Networks:
// Models and Analysis" (Coursera, lecture "Application: Financial Contagions"; notes at
// https://liujing.neocities.org/newworld/Social-Economic-Networks/5.%20Diffusion%20on%20Networks/9.%20Application%20-%20Financial%20Contagions.html):
// C = [[0, 0.5], [0.5, 0]], Ĉ = diag(0.5, 0.5), A = Ĉ(I − C)⁻¹ = [[2/3, 1/3], [1/3, 2/3]]:
// "2/3 of the value of the investments of organization 1 end up going to the owners of
// organization 1, and 1/3 of organization 2 goes to organization 1's owners".
const pair = (prices: number[], thresholds = [0, 0], costs = [0, 0]): ElliottGolubJacksonInput => ({
  n: 2,
  crossHoldings: [
    [0, 1, 0.5],
    [1, 0, 0.5],
  ],
  assetHoldings: [
    [0, 0, 1],
    [1, 1, 1],
  ],
  m: 2,
  assetPrices: Float64Array.from(prices),
  failureThresholds: Float64Array.from(thresholds),
  failureCosts: Float64Array.from(costs),
});

/** v = A(Dp − b) the long way: book values V = Dp − b + C·V iterated (0.9⁵⁰⁰ ≈ 1e-23), then Ĉ. */
function marketValues(input: ElliottGolubJacksonInput, failed: boolean[]): number[] {
  const { n } = input;
  const net = new Array<number>(n).fill(0);
  for (const [i, k, s] of input.assetHoldings) net[i] = net[i]! + s * input.assetPrices[k]!;
  failed.forEach((f, i) => {
    if (f) net[i] = net[i]! - input.failureCosts[i]!;
  });
  const outside = new Array<number>(n).fill(1);
  for (const [, j, s] of input.crossHoldings) outside[j] = outside[j]! - s;
  let book = [...net];
  for (let t = 0; t < 500; t++) {
    const next = [...net];
    for (const [i, j, s] of input.crossHoldings) next[i] = next[i]! + s * book[j]!;
    book = next;
  }
  return book.map((v, i) => outside[i]! * v);
}

/** Random small networks whose shares held by others sum to less than 1 for everyone. */
const network = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    holdings: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { maxLength: 12 },
    ),
    assets: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      { maxLength: 8 },
    ),
    prices: fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
    thresholds: fc.array(fc.double({ min: 0.5, max: 1.1, noNaN: true }), {
      minLength: n,
      maxLength: n,
    }),
    costs: fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

/** The network, every organisation holding half of one asset besides its random holdings. */
function toInput(net: {
  n: number;
  holdings: [number, number, number][];
  assets: [number, number, number][];
  prices: number[];
  thresholds: number[];
  costs: number[];
}): ElliottGolubJacksonInput {
  const off = net.holdings.filter(([i, j]) => i !== j);
  const held = new Array<number>(net.n).fill(0);
  for (const [, j, s] of off) held[j] = held[j]! + s;
  // Scale each organisation's holders so that at most 90% of it is held inside the network.
  const crossHoldings: Edge[] = off.map(([i, j, s]) => [
    i,
    j,
    held[j]! > 0.9 ? (0.9 * s) / held[j]! : s,
  ]);
  const input = {
    n: net.n,
    crossHoldings,
    assetHoldings: [
      ...net.assets,
      ...Array.from({ length: net.n }, (_, i): Edge => [i, i % 3, 0.5]),
    ],
    m: 3,
    assetPrices: Float64Array.from(net.prices),
    failureThresholds: new Float64Array(net.n),
    failureCosts: new Float64Array(net.n),
  };
  // Thresholds from half to 1.1 times the values without failures, so that some fail, and failure
  // costs up to 4 times them, which often makes larger failure sets self-fulfilling too.
  const v = marketValues(input, new Array<boolean>(net.n).fill(false));
  v.forEach((x, i) => {
    input.failureThresholds[i] = x * net.thresholds[i]!;
    input.failureCosts[i] = x * net.costs[i]!;
  });
  return input;
}

describe("elliottGolubJackson", () => {
  it("has Jackson's dependency matrix A = [[2/3, 1/3], [1/3, 2/3]] for two halves held crosswise", () => {
    // A's columns: one unit of value in asset 0 (3 units: (2, 1)), and in asset 1 ((1, 2)).
    const first = elliottGolubJackson(pair([3, 0])).marketValuesNoFailures;
    const second = elliottGolubJackson(pair([0, 3])).marketValuesNoFailures;
    expect(first[0]).toBeCloseTo(2, 14);
    expect(first[1]).toBeCloseTo(1, 14);
    expect(second[0]).toBeCloseTo(1, 14);
    expect(second[1]).toBeCloseTo(2, 14);
  });

  it("fails the pair in two waves when one asset collapses", () => {
    // θ = (0.5, 0.5), β = (0.9, 0.9), p = (0.1, 1):
    //   no failures: v = (2/3·0.1 + 1/3·1, 1/3·0.1 + 2/3·1) = (0.4, 0.7): 0 fails in wave 1;
    //   b = (0.9, 0): v = (0.4 − 2/3·0.9, 0.7 − 1/3·0.9) = (−0.2, 0.4): 1 fails in wave 2;
    //   b = (0.9, 0.9): v = (−0.2 − 1/3·0.9, 0.4 − 2/3·0.9) = (−0.5, −0.2).
    const r = elliottGolubJackson(pair([0.1, 1], [0.5, 0.5], [0.9, 0.9]));
    expect(r.marketValuesNoFailures[0]).toBeCloseTo(0.4, 14);
    expect(r.marketValuesNoFailures[1]).toBeCloseTo(0.7, 14);
    expect([...r.failureWave]).toEqual([1, 2]);
    expect([...r.failed]).toEqual([1, 1]);
    expect(r.marketValues[0]).toBeCloseTo(-0.5, 14);
    expect(r.marketValues[1]).toBeCloseTo(-0.2, 14);
  });

  it("picks no failures when both failing would also be self-fulfilling (the best case)", () => {
    // p = (1, 1), θ = (0.9, 0.9), β = (0.5, 0.5): with no failures v = (1, 1) ≥ θ; if both had
    // failed, v = A·(0.5, 0.5) = (0.5, 0.5) < θ would confirm it. The cascade starts from none.
    const r = elliottGolubJackson(pair([1, 1], [0.9, 0.9], [0.5, 0.5]));
    expect([...r.failureWave]).toEqual([-1, -1]);
  });

  it("fails a chain of holders one wave at a time, and only strictly below the threshold", () => {
    // 1 holds 0.3 of 0, 2 holds 0.3 of 1; each owns its own asset. Ĉ = diag(0.7, 0.7, 1),
    // (I − C)⁻¹ = I + C + C² = [[1, 0, 0], [0.3, 1, 0], [0.09, 0.3, 1]], so
    // A = [[0.7, 0, 0], [0.21, 0.7, 0], [0.09, 0.3, 1]]. θ = (0.6, 0.8, 1.2), β = 0.5 each.
    // p = (0.8, 1, 1): v = (0.56, 0.868, 1.372): 0 fails in wave 1;
    //   b = (0.5, 0, 0): v = (0.21, 0.763, 1.327): 1 fails in wave 2;
    //   b = (0.5, 0.5, 0): v = (0.21, 0.413, 1.177): 2 fails in wave 3;
    //   b = (0.5, 0.5, 0.5): v = (0.21, 0.413, 0.677).
    const chain = (p0: number): ElliottGolubJacksonInput => ({
      n: 3,
      crossHoldings: [
        [1, 0, 0.3],
        [2, 1, 0.3],
      ],
      assetHoldings: [
        [0, 0, 1],
        [1, 1, 1],
        [2, 2, 1],
      ],
      m: 3,
      assetPrices: Float64Array.of(p0, 1, 1),
      failureThresholds: Float64Array.of(0.6, 0.8, 1.2),
      failureCosts: Float64Array.of(0.5, 0.5, 0.5),
    });
    const r = elliottGolubJackson(chain(0.8));
    expect([...r.failureWave]).toEqual([1, 2, 3]);
    [0.56, 0.868, 1.372].forEach((v, i) => {
      expect(r.marketValuesNoFailures[i]).toBeCloseTo(v, 14);
    });
    [0.21, 0.413, 0.677].forEach((v, i) => {
      expect(r.marketValues[i]).toBeCloseTo(v, 14);
    });
    // At p0 = 1: v = (0.7, 0.91, 1.39), all above their thresholds: no failures.
    expect([...elliottGolubJackson(chain(1)).failureWave]).toEqual([-1, -1, -1]);
  });

  it("adds up an organisation's shares of several assets, and repeated holdings", () => {
    // One organisation, no cross-holdings: v = D·p = 0.5·2 + 0.25·4 + 0.25·4 = 3.
    const r = elliottGolubJackson({
      n: 1,
      crossHoldings: [],
      assetHoldings: [
        [0, 0, 0.5],
        [0, 1, 0.25],
        [0, 1, 0.25],
      ],
      m: 2,
      assetPrices: Float64Array.of(2, 4),
      failureThresholds: Float64Array.of(3),
      failureCosts: Float64Array.of(1),
    });
    expect([...r.marketValuesNoFailures]).toEqual([3]);
    expect([...r.failureWave]).toEqual([-1]);
  });

  it("returns the smallest failure set that is an equilibrium (checked against every subset)", () => {
    fc.assert(
      fc.property(network, (net) => {
        const input = toInput(net);
        const r = elliottGolubJackson(input);
        const n = input.n;
        const equilibria: number[] = [];
        for (let mask = 0; mask < 1 << n; mask++) {
          const failed = Array.from({ length: n }, (_, i) => ((mask >> i) & 1) === 1);
          const v = marketValues(input, failed);
          const margin = v.map((x, i) => x - input.failureThresholds[i]!);
          // Skip sets that sit within rounding of a threshold: their status is not well defined.
          if (margin.some((d) => Math.abs(d) < 1e-9)) continue;
          if (margin.every((d, i) => d < 0 === failed[i])) equilibria.push(mask);
        }
        // Its own values are an equilibrium: failed exactly where below the threshold.
        r.marketValues.forEach((v, i) => {
          expect(v < input.failureThresholds[i]!).toBe(r.failed[i] === 1);
        });
        const v = marketValues(
          input,
          [...r.failed].map((f) => f === 1),
        );
        v.forEach((x, i) => {
          expect(r.marketValues[i]).toBeCloseTo(x, 9);
        });
        // And it is contained in every other equilibrium.
        const found = [...r.failed].reduce((m, f, i) => m | (f << i), 0);
        for (const e of equilibria) expect(found & ~e).toBe(0);
      }),
      { seed: 41, numRuns: 300 },
    );
  });

  it("conserves value: market values add up to the primitive holdings net of failure costs", () => {
    fc.assert(
      fc.property(network, (net) => {
        const input = toInput(net);
        const r = elliottGolubJackson(input);
        let primitive = 0;
        for (const [, k, s] of input.assetHoldings) primitive += s * input.assetPrices[k]!;
        let costs = 0;
        r.failed.forEach((f, i) => {
          if (f === 1) costs += input.failureCosts[i]!;
        });
        const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
        expect(sum(r.marketValuesNoFailures)).toBeCloseTo(primitive, 9);
        expect(sum(r.marketValues)).toBeCloseTo(primitive - costs, 9);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("fails everyone it failed before, no later, when asset prices are cut", () => {
    fc.assert(
      fc.property(network, (net) => {
        const input = toInput(net);
        const cut = { ...input, assetPrices: input.assetPrices.map((p, k) => p * net.cuts[k]!) };
        const before = elliottGolubJackson(input);
        const after = elliottGolubJackson(cut);
        before.failureWave.forEach((w, i) => {
          if (w > 0) {
            expect(after.failed[i]).toBe(1);
            expect(after.failureWave[i]).toBeLessThanOrEqual(w);
          }
        });
      }),
      { seed: 43, numRuns: 300 },
    );
  });
});
