// simulateReserve's edge cases in closed form, its determinism, and monotonicity in obsolescence.
import { describe, expect, it } from "vitest";
import {
  RESERVE_PARAMETERS,
  type ReserveInputs,
  type ReserveParameterName,
  simulateReserve,
  summarizeReserve,
} from "../../src/reserve/index.js";

const SAMPLES = 300;

/** Inputs with every parameter at its fallback, `gpus` and `price` set, and `values` overriding. */
function inputs(values: Partial<Record<ReserveParameterName, number>>): ReserveInputs {
  const all: Record<string, number> = { gpus: 1000, price: 30_000 };
  return Object.fromEntries(
    RESERVE_PARAMETERS.map((p) => [
      p.name,
      new Float64Array(SAMPLES).fill(values[p.name] ?? all[p.name] ?? p.fallback ?? 0),
    ]),
  ) as ReserveInputs;
}

describe("simulateReserve", () => {
  it("gives gold its closed form N·P·exp(μt)·(1 − s)^t when σ = 0", () => {
    const mu = 0.07;
    const storage = 0.004;
    const paths = simulateReserve(
      inputs({ gold_drift: mu, gold_volatility: 0, gold_storage: storage }),
      { quarters: 40, seed: 3 },
    );
    for (let q = 0; q <= 40; q++) {
      const t = q / 4;
      const closed = 30_000_000 * Math.exp(mu * t) * (1 - storage) ** t;
      for (let s = 0; s < SAMPLES; s += 37) expect(paths.gold[q * SAMPLES + s]).toBe(closed);
    }
    // 10 years: $30M · e^0.7 · 0.996^10 = $30M · 2.013753 · 0.960712 = $58.039M
    expect(paths.gold[40 * SAMPLES]).toBeCloseTo(58_039_114, 0);
  });

  it("keeps the GPU value at the purchase price without failures, obsolescence, depreciation or rent", () => {
    const paths = simulateReserve(inputs({ gold_volatility: 0.15 }), { quarters: 40, seed: 3 });
    expect(paths.gpu.every((v) => v === 30_000_000)).toBe(true);
    expect(paths.hardware.every((v) => v === 30_000_000)).toBe(true);
    const summary = summarizeReserve(paths);
    expect(summary.halfLife.share).toBe(0);
    expect(summary.medianHalfLife).toBeNull();
  });

  it("halves the value per GPU after 1/g·log10(2) years of obsolescence alone", () => {
    // g = 0.1 orders of magnitude a year: 10^(−0.1·t) = 1/2 at t = 3.0103 years, in quarter 13
    const summary = summarizeReserve(
      simulateReserve(inputs({ obsolescence: 0.1 }), { quarters: 40, seed: 1 }),
    );
    expect(summary.perQuarter[12]?.hardware.p50).toBeCloseTo(30_000_000 * 10 ** -0.3, 0);
    expect(summary.medianHalfLife).toBe(13);
    expect(summary.halfLife.share).toBe(1);
  });

  it("adds rent net of power and hosting, and stops renting when rent no longer pays for power", () => {
    const paths = simulateReserve(
      inputs({
        utilization: 0.5,
        rent: 2,
        rent_decline: 0,
        tdp: 700,
        server_overhead: 1.82,
        pue: 1.12,
        electricity: 0.1,
        hosting: 2000,
      }),
      { quarters: 4, seed: 1 },
    );
    // per GPU and quarter: 2,191.5 h · 50% · ($2 − 1.426880 kW · $0.10) − $500
    const perQuarter = 1000 * (2191.5 * 0.5 * (2 - 0.7 * 1.82 * 1.12 * 0.1) - 500);
    expect(paths.gpu[4 * SAMPLES]).toBeCloseTo(30_000_000 + 4 * perQuarter, 4);
    const off = simulateReserve(
      inputs({ utilization: 1, rent: 0.05, tdp: 700, electricity: 0.1 }),
      {
        quarters: 4,
        seed: 1,
      },
    );
    expect(off.gpu[4 * SAMPLES]).toBe(30_000_000);
  });

  it("gives identical paths for the same seed and different gold for another", () => {
    const x = inputs({ gold_drift: 0.05, gold_volatility: 0.15, obsolescence: 0.14 });
    const a = simulateReserve(x, { quarters: 40, seed: 9 });
    const b = simulateReserve(x, { quarters: 40, seed: 9 });
    const c = simulateReserve(x, { quarters: 40, seed: 10 });
    expect(Buffer.from(a.gold.buffer).equals(Buffer.from(b.gold.buffer))).toBe(true);
    expect(JSON.stringify(summarizeReserve(a))).toBe(JSON.stringify(summarizeReserve(b)));
    expect(a.gold[40 * SAMPLES]).not.toBe(c.gold[40 * SAMPLES]);
  });

  it("lowers the GPU value in every quarter when obsolescence is higher", () => {
    const base = {
      failure_rate: 0.05,
      useful_life: 6,
      utilization: 0.7,
      rent: 2,
      rent_decline: 0.3,
    };
    const slow = simulateReserve(inputs({ ...base, obsolescence: 0.1 }), { quarters: 40, seed: 2 });
    const fast = simulateReserve(inputs({ ...base, obsolescence: 0.2 }), { quarters: 40, seed: 2 });
    for (let q = 1; q <= 20; q++)
      expect(fast.gpu[q * SAMPLES] as number).toBeLessThan(slow.gpu[q * SAMPLES] as number);
    for (let q = 0; q <= 40; q++)
      expect(fast.gpu[q * SAMPLES] as number).toBeLessThanOrEqual(slow.gpu[q * SAMPLES] as number);
  });

  it("counts compute in H100-equivalents of the GPUs still working", () => {
    const paths = simulateReserve(inputs({ failure_rate: 0.1, performance: 2.5 }), {
      quarters: 8,
      seed: 1,
    });
    // 1,000 · 0.9² · 2.5 = 2,025 after two years
    expect(paths.h100e[8 * SAMPLES]).toBeCloseTo(2025, 9);
  });
});
