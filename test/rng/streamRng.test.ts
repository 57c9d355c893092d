// streamRng: determinism per (seed, key, block), independence of keys and blocks, good first draws.
import { describe, expect, it } from "vitest";
import { streamRng } from "../../src/rng/index.js";

function first(seed: number, key: string, block: number, n = 8): number[] {
  const rng = streamRng(seed, key, block);
  return Array.from({ length: n }, () => rng.nextDouble());
}

describe("streamRng", () => {
  it("gives bit-identical sequences for the same (seed, key, block)", () => {
    expect(first(7, "users", 3)).toEqual(first(7, "users", 3));
  });

  it("gives different sequences when the seed, the key or the block differs", () => {
    const base = first(7, "users", 3);
    expect(first(8, "users", 3)).not.toEqual(base);
    expect(first(7, "arpu", 3)).not.toEqual(base);
    expect(first(7, "users", 4)).not.toEqual(base);
    expect(first(7 + 2 ** 32, "users", 3)).not.toEqual(base);
  });

  it("does not start near 1 for small seeds (the xoroshiro small-seed trap)", () => {
    const firsts = [0, 1, 2, 42].map((s) => first(s, "x", 0, 1)[0] as number);
    expect(firsts.filter((u) => u > 0.999)).toEqual([]);
    expect(new Set(firsts).size).toBe(4);
  });

  it("draws doubles in [0, 1) with a uniform mean and 53 random bits", () => {
    const rng = streamRng(1, "u", 0);
    let sum = 0;
    let fractional = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextDouble();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      if ((u * 2 ** 40) % 1 !== 0) fractional++;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.004);
    expect(fractional).toBeGreaterThan(99_000);
  });
});
