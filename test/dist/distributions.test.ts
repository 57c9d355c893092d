// Every distribution kind: samples against the closed-form CDF (Kolmogorov–Smirnov at a fixed
// seed), sample moments against closed forms, and quantiles against published values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../src/dist/distribution.js";
import { cdf, mean, quantile, support, variance } from "../../src/dist/index.js";
import { drawColumn, ksCritical, ksStatistic } from "../support/ks.js";

const N = 200_000;

const CONTINUOUS: Readonly<Record<string, Distribution>> = {
  normal: { kind: "normal", mean: 5, sd: 2 },
  lognormal: { kind: "lognormal", mu: Math.log(0.0283), sigma: 0.21 },
  uniform: { kind: "uniform", min: -1, max: 3 },
  triangular: { kind: "triangular", min: 0, mode: 1, max: 4 },
  pert: { kind: "pert", min: 10, mode: 12, max: 20 },
  "beta(2, 5)": { kind: "beta", alpha: 2, beta: 5 },
  "beta(0.5, 0.5)": { kind: "beta", alpha: 0.5, beta: 0.5 },
  mixture: {
    kind: "mixture",
    components: [
      { kind: "normal", mean: 0, sd: 1 },
      { kind: "uniform", min: 2, max: 3 },
    ],
    weights: [0.3, 0.7],
  },
  "truncated normal (rejection)": {
    kind: "truncated",
    base: { kind: "normal", mean: 0, sd: 1 },
    min: -1,
    max: 2,
  },
  "truncated normal (far tail, inverse CDF)": {
    kind: "truncated",
    base: { kind: "normal", mean: 0, sd: 1 },
    min: 2.5,
    max: 4,
  },
  "truncated beta (inverse CDF)": {
    kind: "truncated",
    base: { kind: "beta", alpha: 2, beta: 5 },
    min: 0.8,
    max: 0.95,
  },
};

describe("continuous distributions", () => {
  for (const [name, d] of Object.entries(CONTINUOUS)) {
    it(`sampleInto(${name}) matches its CDF (KS, n=${N}, seed 1)`, () => {
      const x = drawColumn(d, N);
      expect(ksStatistic(x, (v) => cdf(d, v))).toBeLessThan(ksCritical(N));
    });

    it(`sampleInto(${name}) has the closed-form mean and variance`, () => {
      const x = drawColumn(d, N, 2);
      const m = x.reduce((s, v) => s + v, 0) / N;
      const v = x.reduce((s, y) => s + (y - m) ** 2, 0) / (N - 1);
      const sd = Math.sqrt(variance(d));
      expect(Math.abs(m - mean(d))).toBeLessThan((5 * sd) / Math.sqrt(N));
      expect(v / variance(d)).toBeGreaterThan(0.97);
      expect(v / variance(d)).toBeLessThan(1.03);
    });

    it(`quantile(${name}) inverts cdf`, () => {
      for (const p of [0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999]) {
        expect(cdf(d, quantile(d, p))).toBeCloseTo(p, 9);
      }
    });
  }
});

describe("published quantiles", () => {
  it.each([
    // R: qnorm(c(0.95, 0.975, 0.5))
    [{ kind: "normal", mean: 0, sd: 1 }, 0.95, 1.6448536269514722],
    [{ kind: "normal", mean: 0, sd: 1 }, 0.975, 1.959963984540054],
    // R: qlnorm(0.5, log(10), 1) = 10
    [{ kind: "lognormal", mu: Math.log(10), sigma: 1 }, 0.5, 10],
    // R: qbeta(0.5, 2, 5) = 0.26444998329566
    [{ kind: "beta", alpha: 2, beta: 5 }, 0.5, 0.26444998329566],
    // Triangular(0, 1, 4) at p = 0.25 (the mode's CDF): x = 1
    [{ kind: "triangular", min: 0, mode: 1, max: 4 }, 0.25, 1],
  ] as [Distribution, number, number][])("quantile(%j, %d) = %d", (d, p, q) => {
    expect(quantile(d, p)).toBeCloseTo(q, 11);
  });

  it("A to B semantics: lognormal with A and B as 5th and 95th percentiles", () => {
    const z = 1.6448536269514722;
    const d: Distribution = {
      kind: "lognormal",
      mu: (Math.log(0.02) + Math.log(0.04)) / 2,
      sigma: Math.log(2) / (2 * z),
    };
    expect(quantile(d, 0.05)).toBeCloseTo(0.02, 14);
    expect(quantile(d, 0.95)).toBeCloseTo(0.04, 14);
    expect(quantile(d, 0.5)).toBeCloseTo(Math.sqrt(0.02 * 0.04), 14);
  });
});

describe("discrete distributions", () => {
  it("bernoulli(0.3) gives 1 in 30% of samples (within 4 standard errors)", () => {
    const x = drawColumn({ kind: "bernoulli", p: 0.3 }, N);
    const ones = x.reduce((s, v) => s + v, 0);
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
    expect(Math.abs(ones / N - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / N));
  });

  it("discrete values come up with their weights (chi-square, 2 degrees of freedom, 1% level)", () => {
    const d: Distribution = { kind: "discrete", values: [5, 1, 3], weights: [0.2, 0.5, 0.3] };
    const x = drawColumn(d, N);
    const counts = new Map<number, number>();
    for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
    const chi2 = [5, 1, 3].reduce((s, v, i) => {
      const expected = N * ([0.2, 0.5, 0.3][i] as number);
      return s + ((counts.get(v) ?? 0) - expected) ** 2 / expected;
    }, 0);
    expect(chi2).toBeLessThan(9.21);
  });

  it("cdf and quantile of discrete values are right-continuous and the smallest atom with F ≥ p", () => {
    const d: Distribution = { kind: "discrete", values: [5, 1, 3], weights: [0.2, 0.5, 0.3] };
    expect(cdf(d, 0.99)).toBe(0);
    expect(cdf(d, 1)).toBe(0.5);
    expect(cdf(d, 3)).toBeCloseTo(0.8, 15);
    expect(quantile(d, 0.5)).toBe(1);
    expect(quantile(d, 0.51)).toBe(3);
    expect(quantile(d, 1)).toBe(5);
  });
});

describe("support", () => {
  const params = fc.record({
    a: fc.double({ min: -100, max: 100, noNaN: true }),
    w: fc.double({ min: 0.01, max: 50, noNaN: true }),
    t: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  it("draws never fall outside the support, for random valid parameters", () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 1000 }), ({ a, w, t }, seed) => {
        const kinds: Distribution[] = [
          { kind: "uniform", min: a, max: a + w },
          { kind: "triangular", min: a, mode: a + t * w, max: a + w },
          { kind: "pert", min: a, mode: a + t * w, max: a + w },
          { kind: "beta", alpha: w, beta: 1 + t },
          {
            kind: "truncated",
            base: { kind: "normal", mean: a, sd: w },
            min: a - t * w,
            max: a + w,
          },
        ];
        for (const d of kinds) {
          const [lo, hi] = support(d);
          for (const v of drawColumn(d, 200, seed)) {
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("quantile is monotone in p", () => {
    const d: Distribution = {
      kind: "mixture",
      components: [
        { kind: "beta", alpha: 2, beta: 2 },
        { kind: "discrete", values: [2], weights: [1] },
      ],
      weights: [0.5, 0.5],
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          expect(quantile(d, lo)).toBeLessThanOrEqual(quantile(d, hi));
        },
      ),
      { numRuns: 300 },
    );
  });
});
