// The hardware arithmetic reproduces the published figures: Huang's 10 GW ≈ 4–5 M GPUs, Epoch
// AI's power of 100,000 H100s, $50B/GW of which $35B Nvidia, and Llama 3's interruptions.
import { describe, expect, it } from "vitest";
import {
  allInWattsPerGpu,
  CHIPS,
  capexForPowerWatts,
  EPOCH_PUE_2024,
  EPOCH_SERVER_OVERHEAD,
  facilityPowerWatts,
  failureRates,
  findChip,
  gpuHourCost,
  gpusFromPowerWatts,
  powerFromGpusWatts,
} from "../../src/hardware/index.js";
import { formatQuantity } from "../../src/units/formatQuantity.js";
import { POWER } from "../../src/units/unit.js";

describe("chips", () => {
  it("findChip(name) gives Epoch AI's TDPs (public:chip-tdp), case-insensitive", () => {
    expect(findChip("h100")?.tdpWatts).toBe(700);
    expect(findChip("B200")?.tdpWatts).toBe(1000);
    expect(findChip("GB200")?.tdpWatts).toBe(1200);
    expect(findChip("GB300")?.tdpWatts).toBe(1400);
    expect(findChip("TPU")).toBeUndefined();
  });

  it("every chip has a positive TDP and a source", () => {
    for (const chip of CHIPS) {
      expect(chip.tdpWatts).toBeGreaterThan(0);
      expect(chip.source).not.toBe("");
    }
  });
});

describe("power", () => {
  it("gpusFromPowerWatts: 10 GW at 2.0 kW is 5.0 M GPUs, at 2.5 kW 4.0 M (public:gw-per-gpu-rule)", () => {
    expect(gpusFromPowerWatts(10e9, 2000)).toBe(5_000_000);
    expect(gpusFromPowerWatts(10e9, 2500)).toBe(4_000_000);
  });

  it("facilityPowerWatts: 100,000 H100 × 700 W × 1.82 × 1.12 is exactly 142.688 MW (public:power-method)", () => {
    const watts = facilityPowerWatts(100_000, 700, EPOCH_SERVER_OVERHEAD, EPOCH_PUE_2024);
    expect(watts).toBe(142_688_000);
    expect(formatQuantity(watts, POWER, 6)).toBe("142.688 MW");
  });

  it("allInWattsPerGpu is the inverse's divisor: an H100 draws 1,426.88 W all-in", () => {
    const w = allInWattsPerGpu(700, 1.82, 1.12);
    expect(w).toBe(1426.88);
    expect(gpusFromPowerWatts(142_688_000, w)).toBe(100_000);
  });
});

describe("capexForPowerWatts", () => {
  it("10 GW at $50B/GW is $500B, $350B of it Nvidia's (public:cost-per-gw)", () => {
    const c = capexForPowerWatts(10e9);
    expect(c.totalDollars).toBe(500e9);
    expect(c.supplierDollars).toBe(350e9);
    expect(c.otherDollars).toBe(150e9);
    expect(c.supplierShare).toBe(0.7);
  });
});

describe("gpuHourCost", () => {
  it("splits an H100 at $30,000 over 4 years at $0.08/kWh into capex, networking and energy", () => {
    const c = gpuHourCost({
      priceDollars: 30_000,
      depreciationPerYear: 0.25,
      networkingFraction: 0.1,
      tdpWatts: 700,
      overhead: 1.82,
      utilisation: 1,
      pue: 1.12,
      dollarsPerKwh: 0.08,
    });
    expect(c.capexPerHour).toBeCloseTo(7500 / 8760, 12); // $0.856/h
    expect(c.networkingPerHour).toBeCloseTo(750 / 8760, 12);
    expect(c.energyPerHour).toBeCloseTo(1.42688 * 0.08, 12); // $0.114/h
    expect(c.totalPerHour).toBeCloseTo(c.capexPerHour + c.networkingPerHour + c.energyPerHour, 12);
  });
});

describe("failureRates", () => {
  it("Llama 3: 16,384 GPUs, 54 days, 419 interruptions ⇒ one every 3.09 h (public:failures-llama3)", () => {
    const r = failureRates(16_384, 54, 419);
    expect(r.clusterHoursBetween.toFixed(2)).toBe("3.09");
    expect(r.perGpuYear).toBeCloseTo(419 / (16_384 * (54 / 365)), 12); // 0.173 per GPU-year
    expect(r.gpuYearsBetween).toBeCloseTo(1 / r.perGpuYear, 12);
  });
});

describe("powerFromGpusWatts", () => {
  it("4 M GPUs at 2.5 kW all-in is 10 GW (public:gw-per-gpu-rule)", () => {
    expect(powerFromGpusWatts(4_000_000, 2500)).toBe(10e9);
    expect(powerFromGpusWatts(100_000, allInWattsPerGpu(700, 1.82, 1.12))).toBe(142_688_000);
  });
});
