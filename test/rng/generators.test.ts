// xoshiro128** against its reference outputs, and the bulk normal path against the scalar one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillStandardNormal, StreamRng, standardNormal, streamRng } from "../../src/rng/index.js";
import { nextXoshiro128 } from "../../src/rng/xoshiro128.js";

describe("nextXoshiro128", () => {
  it("reproduces the reference outputs of xoshiro128** from state (1, 2, 3, 4)", () => {
    // Outputs of the reference C implementation (Blackman & Vigna, xoshiro128starstar.c).
    const s = Int32Array.of(1, 2, 3, 4);
    const out = Array.from({ length: 6 }, () => nextXoshiro128(s) >>> 0);
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
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

  it("reads the same words as standardNormal, and leaves the stream after the last one", () => {
    // The wedges and the tail read extra words; the second stream's first draw is from the tail.
    for (const state of [Int32Array.of(1, 2, 3, 4), tailFirst()]) {
      const bulk = new StreamRng(state.slice());
      const single = new StreamRng(state.slice());
      const out = new Float64Array(5000);
      fillStandardNormal(bulk, out, 100, 5000);
      const expected = Float64Array.from({ length: 4900 }, () => standardNormal(single));
      expect(out.subarray(100)).toEqual(expected);
      expect(out.subarray(0, 100).every((v) => v === 0)).toBe(true);
      expect(bulk.nextUint32()).toBe(single.nextUint32());
    }
  });
});

describe("fillStandardNormal, for any stream and range", () => {
  it("reads the words standardNormal reads, one draw after another", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 3000 }),
        (words, from, count) => {
          fc.pre(words.some((w) => w !== 0));
          const bulk = new StreamRng(Int32Array.from(words));
          const single = new StreamRng(Int32Array.from(words));
          const out = new Float64Array(from + count + 5);
          fillStandardNormal(bulk, out, from, from + count);
          const expected = new Float64Array(out.length);
          for (let i = from; i < from + count; i++) expected[i] = standardNormal(single);
          expect(out).toEqual(expected);
          expect(bulk.nextUint32()).toBe(single.nextUint32());
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * A state whose first attempt picks layer 0 with |u| > 0.95, beyond the base strip's share of it
 * (x[1] / x[0] = 0.935), so that the first draw comes from the tail: found by stepping a stream.
 */
function tailFirst(): Int32Array {
  const s = Int32Array.of(9, 8, 7, 6);
  for (;;) {
    const before = s.slice();
    const probe = s.slice();
    const hi = nextXoshiro128(probe);
    const lo = nextXoshiro128(probe);
    nextXoshiro128(s);
    const u = ((hi >>> 11) * 4294967296 + (lo >>> 0)) / 2 ** 52 - 1;
    if ((hi & 255) === 0 && Math.abs(u) > 0.95) {
      expect(standardNormal(new StreamRng(before.slice())) ** 2).toBeGreaterThan(3.65 ** 2);
      return before;
    }
  }
}

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
