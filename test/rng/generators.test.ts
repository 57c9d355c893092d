// xoshiro128** against its reference outputs, and the bulk normal path against the scalar one.
import { describe, expect, it } from "vitest";
import { fillStandardNormal, normalWords, standardNormal, streamRng } from "../../src/rng/index.js";
import { fillXoshiro128 } from "../../src/rng/xoshiro128.js";

describe("fillXoshiro128", () => {
  it("reproduces the reference outputs of xoshiro128** from state (1, 2, 3, 4)", () => {
    // Outputs of the reference C implementation (Blackman & Vigna, xoshiro128starstar.c).
    const out = new Int32Array(6);
    fillXoshiro128(Int32Array.of(1, 2, 3, 4), out);
    expect([...out].map((w) => w >>> 0)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it("continues the same sequence across calls", () => {
    const s = Int32Array.of(5, 6, 7, 8);
    const whole = new Int32Array(10);
    fillXoshiro128(Int32Array.of(5, 6, 7, 8), whole);
    const a = new Int32Array(4);
    const b = new Int32Array(6);
    fillXoshiro128(s, a);
    fillXoshiro128(s, b);
    expect([...a, ...b]).toEqual([...whole]);
  });
});

describe("fillStandardNormal", () => {
  it("draws the same numbers in bulk as standardNormal does one by one", () => {
    const bulk = new Float64Array(10_000);
    fillStandardNormal(streamRng(3, "z", 0), bulk, 0, 10_000);
    const rng = streamRng(3, "z", 0);
    const single = Float64Array.from({ length: 10_000 }, () => standardNormal(rng));
    expect(bulk).toEqual(single);
  });

  it("draws the same numbers into a scratch buffer reused across blocks as with its own", () => {
    const scratch = new Int32Array(normalWords(4096) + 100);
    for (let b = 0; b < 3; b++) {
      const own = new Float64Array(4096);
      const shared = new Float64Array(4096);
      fillStandardNormal(streamRng(5, "z", b), own, 0, 4096);
      fillStandardNormal(streamRng(5, "z", b), shared, 0, 4096, scratch);
      expect(shared).toEqual(own);
    }
  });

  it("refuses a scratch buffer shorter than normalWords(draws)", () => {
    const out = new Float64Array(100);
    expect(() =>
      fillStandardNormal(streamRng(5, "z", 0), out, 0, 100, new Int32Array(normalWords(100) - 1)),
    ).toThrow(RangeError);
  });
});

describe("the ziggurat's tail", () => {
  it("draws beyond r = 3.6541528853610088 as often as the normal distribution does", () => {
    // P(|Z| > r) = 2·(1 − Φ(r)) = 2.5812e-4 (R: 2 * pnorm(-3.6541528853610088)). Restarting the
    // whole attempt when a tail try fails leaves about 4% too few: 8 standard deviations here.
    const n = 4096 * 40_000;
    const out = new Float64Array(4096);
    let beyond = 0;
    for (let b = 0; b < n / 4096; b++) {
      fillStandardNormal(streamRng(11, "tail", b), out, 0, 4096);
      for (const z of out) if (Math.abs(z) > 3.6541528853610088) beyond++;
    }
    const expected = n * 2.5812e-4;
    expect(Math.abs(beyond - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

describe("discrete quantiles", () => {
  it("take the next atom just above a cumulative weight", async () => {
    const { quantile, cdf } = await import("../../src/dist/index.js");
    const d = { kind: "discrete", values: [1, 2, 3], weights: [0.1, 0.2, 0.7] } as const;
    expect(quantile(d, 0.3 + 1e-13)).toBe(3);
    expect(quantile(d, cdf(d, 2))).toBe(2);
  });
});
