// xoshiro128** against its reference outputs, and the bulk normal path against the scalar one.
import { describe, expect, it } from "vitest";
import { fillStandardNormal, standardNormal, streamRng } from "../../src/rng/index.js";
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
});
