// debtRank: NetworkRiskMeasures' published toy example, hand-worked single-hit and differential
// cases, a dense transcription of the R code and of Bardoscia's recursion, and monotonicity.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DebtRankInput, debtRank } from "../../src/network/debtRank.js";

type Edge = readonly [number, number, number];

// The README example of the R package NetworkRiskMeasures (Cinelli & Silva), as published at
// https://github.com/carloscinelli/NetworkRiskMeasures (README.md of the 0.1.x development
// versions, "Example usage"): assets_matrix <- matrix(c(0, 10, 3, 1, 0, 2, 0, 3, 0), ncol = 3),
// i.e. rows a = (0, 1, 0), b = (10, 0, 3), c = (3, 2, 0), where row i, column j is i's asset on j;
// buffer = (a 2, b 5, c 2); weights = (a 10, b 100, c 30). Its printed output:
//   debt_rank(assets_matrix, buffer, weights)
//     Stressed Vertex  Vertex Weight  Additional Stress  Number of Additional Defaults
//     a                0.07142857     0.9285714          2
//     c                0.21428571     0.6642857          0
//     b                0.71428571     0.2500000          1
//   debt_rank_shock(assets_matrix, buffer, weights, shock = c(0.1, 0.1, 0.1))
//     Shock causes additional stress of 16.07% in the network. Additional defaulted entities: 0
//     final stress a 0.15, b 0.26, c 0.30
// That version's vulnerability_matrix caps exposure / buffer at 1 (in
// R/vulnerability_communicability.R: `vulnerability_matrix[vulnerability_matrix > 1] <- 1`) and
// its debt_rank_shock is single-hit (R/DebtRank.R).
const toy = {
  n: 3,
  exposures: [
    [0, 1, 1],
    [1, 0, 10],
    [1, 2, 3],
    [2, 0, 3],
    [2, 1, 2],
  ] as Edge[],
  capital: Float64Array.of(2, 5, 2),
  weights: Float64Array.of(10, 100, 30),
};

function shock(
  at: number[],
  variant: DebtRankInput["variant"] = "single-hit",
  capImpactAtOne = true,
) {
  return debtRank({
    ...toy,
    initialStress: Float64Array.from(at),
    variant,
    capImpactAtOne,
  });
}

/** NetworkRiskMeasures' debt_rank_shock, transcribed densely: v[i][j] is i's impact from j. */
function rSingleHit(v: number[][], h0: number[]): number[] {
  const n = h0.length;
  let h = [...h0];
  // 0 undistressed, 1 distressed, 2 inactive
  let state: number[] = h0.map((x) => (x > 0 ? 1 : 0));
  while (state.some((s) => s === 1)) {
    const was = state;
    h = h.map((hi, i) => {
      let sum = hi;
      for (let j = 0; j < n; j++) if (was[j] === 1) sum += (v[i]![j] as number) * (h[j] as number);
      return Math.min(1, sum);
    });
    state = was.map((s) => (s === 1 ? 2 : s));
    state = state.map((s, i) => (s !== 2 && (h[i] as number) > 0 ? 1 : s));
  }
  return h;
}

/** Bardoscia et al.'s recursion, transcribed densely, run until nothing changes. */
function bardoscia(v: number[][], h0: number[]): number[] {
  let previous = h0.map(() => 0);
  let h = [...h0];
  for (let t = 0; t < 100_000; t++) {
    const next = h.map((hi, i) =>
      Math.min(1, hi + v[i]!.reduce((s, w, j) => s + w * ((h[j] as number) - previous[j]!), 0)),
    );
    if (next.every((x, i) => x === h[i])) return h;
    previous = h;
    h = next;
  }
  return h;
}

function impactMatrix(n: number, exposures: readonly Edge[], capital: number[], cap: boolean) {
  const v = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [i, j, x] of exposures) v[i]![j] = v[i]![j]! + x;
  return v.map((row, i) => row.map((x) => (cap ? Math.min(1, x / capital[i]!) : x / capital[i]!)));
}

const network = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    exposures: fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: n - 1 }),
        fc.integer({ min: 0, max: n - 1 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
      ),
      { maxLength: 25 },
    ),
    capital: fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), {
      minLength: n,
      maxLength: n,
    }),
    weights: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
      minLength: n,
      maxLength: n,
    }),
    stress: fc.array(fc.constantFrom(0, 0, 0.05, 0.3, 1), { minLength: n, maxLength: n }),
    scale: fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
    cap: fc.boolean(),
  }),
);

describe("debtRank", () => {
  it("reproduces NetworkRiskMeasures' README DebtRank of each node's default (single-hit, capped)", () => {
    // Exact values: a: all three end at 1, so (100 + 30) / 140 = 13/14; b: h = (0.5, 1, 1), so
    // (0.5·10 + 30) / 140 = 1/4; c: h = (0.3, 0.9, 1), so (0.3·10 + 0.9·100) / 140 = 93/140.
    const a = shock([1, 0, 0]);
    const b = shock([0, 1, 0]);
    const c = shock([0, 0, 1]);
    expect(a.debtRank).toBeCloseTo(0.9285714, 7);
    expect(c.debtRank).toBeCloseTo(0.6642857, 7);
    expect(b.debtRank).toBeCloseTo(0.25, 7);
    expect(a.debtRank).toBeCloseTo(13 / 14, 15);
    expect(b.debtRank).toBeCloseTo(1 / 4, 15);
    expect(c.debtRank).toBeCloseTo(93 / 140, 15);
    expect([a.additionalDefaults, c.additionalDefaults, b.additionalDefaults]).toEqual([2, 0, 1]);
    expect([...c.finalStress].map((x) => +x.toFixed(12))).toEqual([0.3, 0.9, 1]);
  });

  it("reproduces NetworkRiskMeasures' README 10% shock: additional stress 16.07%, no defaults", () => {
    // Round 1, all three distressed: a = 0.1 + 0.5·0.1, b = 0.1 + (1 + 0.6)·0.1,
    // c = 0.1 + (1 + 1)·0.1; then all are inactive. (0.05·10 + 0.16·100 + 0.2·30) / 140 = 9/56.
    const r = shock([0.1, 0.1, 0.1]);
    expect([...r.finalStress].map((x) => +x.toFixed(12))).toEqual([0.15, 0.26, 0.3]);
    expect(+(r.debtRank * 100).toFixed(2)).toBe(16.07);
    expect(r.debtRank).toBeCloseTo(9 / 56, 15);
    expect(r.additionalDefaults).toBe(0);
  });

  it("without the cap at 1, lets b's uncapped impact from a (10 / 5 = 2) default b after c fails", () => {
    // c fails: b = 0.6, then a = 0.5·0.6 = 0.3, then b = 0.6 + 2·0.3 = 1.2 → 1 (capped: 0.9).
    const r = shock([0, 0, 1], "single-hit", false);
    expect([...r.finalStress].map((x) => +x.toFixed(12))).toEqual([0.3, 1, 1]);
    expect(r.debtRank).toBeCloseTo(103 / 140, 15);
    expect(r.additionalDefaults).toBe(1);
  });

  it("differential: passes on every increase of stress, driving the toy's 10% shock to defaults", () => {
    // Bardoscia et al. (2015): h(t + 1) = min(1, h(t) + W(h(t) − h(t − 1))), h(−1) = 0, which
    // telescopes to h(t + 1) = min(1, h(0) + W·h(t)). With W = [[0, .5, 0], [1, 0, .6], [1, 1, 0]]
    // (capped): h(1) = (0.15, 0.26, 0.30), h(2) = (0.23, 0.43, 0.51), … The limit solves
    // h = min(1, 0.1 + W·h); with b, c < 1 it would need b = 0.32 + 1.4·b < 0, with only c = 1
    // b = 1.6, with only b = 1 c = 1.7: so b = c = 1 and a = 0.1 + 0.5 = 0.6. DebtRank
    // (0.5·10 + 0.9·100 + 0.9·30) / 140 = 61/70; b and c default.
    const r = shock([0.1, 0.1, 0.1], "differential");
    expect([...r.finalStress].map((x) => +x.toFixed(12))).toEqual([0.6, 1, 1]);
    expect(r.debtRank).toBeCloseTo(61 / 70, 15);
    expect(r.additionalDefaults).toBe(2);
  });

  it("single-hit passes stress round a cycle once; differential sums the whole geometric series", () => {
    // Two nodes each holding 1 on the other, capital 2: W = [[0, 0.5], [0.5, 0]]; node 0 loses 20%.
    // Single-hit: node 1 gets 0.5·0.2 = 0.1, passes 0.5·0.1 back: h = (0.25, 0.1).
    // Differential: h0 = 0.2 + 0.5·h1, h1 = 0.5·h0, so h = (4/15, 2/15).
    const cycle = {
      n: 2,
      exposures: [
        [0, 1, 1],
        [1, 0, 1],
      ] as Edge[],
      capital: Float64Array.of(2, 2),
      weights: Float64Array.of(1, 1),
      initialStress: Float64Array.of(0.2, 0),
      capImpactAtOne: false,
    };
    const single = debtRank({ ...cycle, variant: "single-hit" });
    const diff = debtRank({ ...cycle, variant: "differential" });
    expect([...single.finalStress]).toEqual([0.25, 0.1]);
    expect(single.debtRank).toBeCloseTo(0.075, 15);
    expect(diff.finalStress[0]).toBeCloseTo(4 / 15, 15);
    expect(diff.finalStress[1]).toBeCloseTo(2 / 15, 15);
    expect(diff.debtRank).toBeCloseTo(0.1, 15);
  });

  it("single-hit: shocking one more node can lower the losses (it is passed on early, and small)", () => {
    // 0 → 1 → 2 (W = 1 each way down the chain, no cap needed). Shocking 0 alone: 1 gets 1 and
    // passes 1 to 2. Shocking 1 by 0.01 as well: 1 propagates 0.01 in round 0 and is then
    // inactive, so 2 ends at 0.01.
    const chain = {
      n: 3,
      exposures: [
        [1, 0, 1],
        [2, 1, 1],
      ] as Edge[],
      capital: Float64Array.of(1, 1, 1),
      weights: Float64Array.of(1, 1, 1),
      variant: "single-hit" as const,
      capImpactAtOne: false,
    };
    const alone = debtRank({ ...chain, initialStress: Float64Array.of(1, 0, 0) });
    const both = debtRank({ ...chain, initialStress: Float64Array.of(1, 0.01, 0) });
    expect([...alone.finalStress]).toEqual([1, 1, 1]);
    expect([...both.finalStress]).toEqual([1, 1, 0.01]);
  });

  it("single-hit matches a dense transcription of NetworkRiskMeasures' debt_rank_shock", () => {
    fc.assert(
      fc.property(network, (net) => {
        const v = impactMatrix(net.n, net.exposures, net.capital, net.cap);
        const expected = rSingleHit(v, net.stress);
        const r = debtRank({
          n: net.n,
          exposures: net.exposures,
          capital: Float64Array.from(net.capital),
          weights: Float64Array.from(net.weights),
          initialStress: Float64Array.from(net.stress),
          variant: "single-hit",
          capImpactAtOne: net.cap,
        });
        r.finalStress.forEach((h, i) => {
          expect(h).toBeCloseTo(expected[i]!, 12);
        });
      }),
      { seed: 21, numRuns: 400 },
    );
  });

  it("differential matches a dense transcription of Bardoscia's recursion, and is its fixed point", () => {
    fc.assert(
      fc.property(network, (net) => {
        const v = impactMatrix(net.n, net.exposures, net.capital, net.cap);
        const expected = bardoscia(v, net.stress);
        const r = debtRank({
          n: net.n,
          exposures: net.exposures,
          capital: Float64Array.from(net.capital),
          weights: Float64Array.from(net.weights),
          initialStress: Float64Array.from(net.stress),
          variant: "differential",
          capImpactAtOne: net.cap,
        });
        r.finalStress.forEach((h, i) => {
          expect(h).toBeCloseTo(expected[i]!, 9);
          const image = Math.min(
            1,
            net.stress[i]! + v[i]!.reduce((s, w, j) => s + w * r.finalStress[j]!, 0),
          );
          expect(h).toBeCloseTo(image, 9);
        });
      }),
      { seed: 22, numRuns: 400 },
    );
  });

  it("never lowers stress, never exceeds 1, and ignores the scale of the weights", () => {
    fc.assert(
      fc.property(network, fc.constantFrom("single-hit", "differential"), (net, variant) => {
        const input = {
          n: net.n,
          exposures: net.exposures,
          capital: Float64Array.from(net.capital),
          weights: Float64Array.from(net.weights),
          initialStress: Float64Array.from(net.stress),
          variant,
          capImpactAtOne: net.cap,
        } as const;
        const r = debtRank(input);
        r.finalStress.forEach((h, i) => {
          expect(h).toBeGreaterThanOrEqual(net.stress[i]!);
          expect(h).toBeLessThanOrEqual(1);
        });
        expect(r.debtRank).toBeGreaterThanOrEqual(-1e-15);
        const scaled = debtRank({ ...input, weights: input.weights.map((w) => w * 7) });
        expect(scaled.debtRank).toBeCloseTo(r.debtRank, 14);
        expect(scaled.additionalDefaults).toBe(r.additionalDefaults);
      }),
      { seed: 23, numRuns: 300 },
    );
  });

  it("final stress is monotone in the initial stress (differential; single-hit on the same nodes)", () => {
    fc.assert(
      fc.property(network, fc.constantFrom("single-hit", "differential"), (net, variant) => {
        // Larger shocks on the same nodes (single-hit is not monotone when new nodes are shocked).
        const larger = net.stress.map((h, i) => Math.min(1, h * net.scale[i]!));
        const run = (stress: number[]) =>
          debtRank({
            n: net.n,
            exposures: net.exposures,
            capital: Float64Array.from(net.capital),
            weights: Float64Array.from(net.weights),
            initialStress: Float64Array.from(stress),
            variant,
            capImpactAtOne: net.cap,
          });
        const a = run(net.stress);
        const b = run(larger);
        a.finalStress.forEach((h, i) => {
          expect(b.finalStress[i]).toBeGreaterThanOrEqual(h - 1e-12);
        });
        if (variant === "differential") {
          const extra = net.stress.map((h, i) => (h === 0 ? 0.02 * net.scale[i]! : h));
          const c = run(extra);
          a.finalStress.forEach((h, i) => {
            expect(c.finalStress[i]).toBeGreaterThanOrEqual(h - 1e-12);
          });
        }
      }),
      { seed: 24, numRuns: 300 },
    );
  });
});
