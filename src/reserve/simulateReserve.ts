// The Monte Carlo of a GPU reserve beside gold bought with the same money, quarter by quarter.
//
// Quarter q (0 … Q) is t = q / 4 years after purchase. For one sample, with N GPUs bought at P:
//   working GPUs     n(t) = N · (1 − f)^t                       (annual failure rate f)
//   value per GPU    v(t) = P · 10^(−g·t) · max(0, 1 − t / L)   (g orders of magnitude a year of
//                          price-performance gain; the last factor only when a useful life L > 0)
//   hardware value   H(t) = n(t) · v(t)
//   net rent in quarter q = n(t₋) · (h · u · max(0, r₀ · (1 − d)^t₋ − kW · e) − c / 4),
//                          t₋ = (q − 1) / 4,
//                          h = 2,191.5 hours a quarter, u utilisation, r₀ rent per GPU-hour, d its
//                          fall a year, kW = TDP × server overhead × PUE ÷ 1000, e the price of a
//                          kWh, c hosting per GPU-year (GPUs are switched off while the rent does
//                          not pay for their power; hosting is paid regardless); summed,
//                          undiscounted, into R(t)
//   GPU reserve      V(t) = H(t) + R(t)
//   gold             G(t) = N · P · exp((μ − σ²/2) · t + σ · W(t)) · (1 − s)^t, W a Brownian
//                          motion sampled at quarters (W(t) = Σ Z_k / 2), s storage a year; so
//                          E[G(t)] = N · P · e^(μt) · (1 − s)^t, and σ = 0 gives that path exactly.
//   compute          n(t) · performance, in H100-equivalents.
// Rates above 100% (a failure rate, a rent decline, a storage cost) are taken as 100%.
// The gold shocks of samples [b·BLOCK_SIZE, (b+1)·BLOCK_SIZE) come from streamRng(seed,
// "reserve.gold", b), so a sample's path depends on the seed and its index only.

import { BLOCK_SIZE, fillStandardNormal, streamRng } from "../rng/index.js";
import type { ReserveInputs } from "./parameters.js";

/** Hours in a quarter of a 365.25-day year. */
export const HOURS_PER_QUARTER = 8766 / 4;

/** Columns of a reserve's Monte Carlo: quarter-major, value of sample s in quarter q at q·S + s. */
export interface ReservePaths {
  /** Number of samples S. */
  readonly samples: number;
  /** Number of quarters Q after purchase (columns hold quarters 0 … Q). */
  readonly quarters: number;
  /** Purchase cost N · P of each sample (also the gold bought). */
  readonly cost: Float64Array;
  /** Hardware value H(t). */
  readonly hardware: Float64Array;
  /** GPU reserve value with cumulative net rent, V(t) = H(t) + R(t). */
  readonly gpu: Float64Array;
  /** Gold value G(t). */
  readonly gold: Float64Array;
  /** Compute held, in H100-equivalents. */
  readonly h100e: Float64Array;
}

/**
 * Values a reserve for `quarters` quarters in every sample of `inputs` (one draw per column
 * entry). Deterministic: the same inputs and seed give the same bits.
 *
 * @example simulateReserve(inputs, { quarters: 40, seed: 1 }).gold // 41 · S gold values
 */
export function simulateReserve(
  inputs: ReserveInputs,
  options: { readonly quarters: number; readonly seed: number },
): ReservePaths {
  const { quarters, seed } = options;
  const samples = inputs.gpus.length;
  const size = (quarters + 1) * samples;
  const cost = new Float64Array(samples);
  const hardware = new Float64Array(size);
  const gpu = new Float64Array(size);
  const gold = new Float64Array(size);
  const h100e = new Float64Array(size);
  const shocks = new Float64Array(BLOCK_SIZE * quarters);
  for (let first = 0; first < samples; first += BLOCK_SIZE) {
    const last = Math.min(samples, first + BLOCK_SIZE);
    fillStandardNormal(
      streamRng(seed, "reserve.gold", first / BLOCK_SIZE),
      shocks,
      0,
      (last - first) * quarters,
    );
    for (let s = first; s < last; s++) {
      const count = inputs.gpus[s] as number;
      const price = inputs.price[s] as number;
      const survival = Math.max(0, 1 - (inputs.failure_rate[s] as number));
      const g = inputs.obsolescence[s] as number;
      const life = inputs.useful_life[s] as number;
      const perf = inputs.performance[s] as number;
      const hoursRented = HOURS_PER_QUARTER * (inputs.utilization[s] as number);
      const rent = inputs.rent[s] as number;
      const rentKeep = Math.max(0, 1 - (inputs.rent_decline[s] as number));
      const kW =
        ((inputs.tdp[s] as number) *
          (inputs.server_overhead[s] as number) *
          (inputs.pue[s] as number)) /
        1000;
      const energyPerHour = kW * (inputs.electricity[s] as number);
      const hostingPerQuarter = (inputs.hosting[s] as number) / 4;
      const sigma = inputs.gold_volatility[s] as number;
      const goldDrift = (inputs.gold_drift[s] as number) - 0.5 * sigma * sigma;
      const goldKeep = Math.max(0, 1 - (inputs.gold_storage[s] as number));
      const spent = count * price;
      cost[s] = spent;
      let working = count;
      let rentSum = 0;
      let w = 0;
      const row = (s - first) * quarters;
      for (let q = 0; q <= quarters; q++) {
        const t = q / 4;
        if (q > 0) {
          const before = (q - 1) / 4;
          const margin = Math.max(0, rent * rentKeep ** before - energyPerHour);
          const perGpu = hoursRented * margin - hostingPerQuarter;
          rentSum += working * perGpu;
          w += 0.5 * (shocks[row + q - 1] as number);
        }
        working = count * survival ** t;
        const straightLine = life > 0 ? Math.max(0, 1 - t / life) : 1;
        const value = working * price * (10 ** (-g * t) * straightLine);
        const i = q * samples + s;
        hardware[i] = value;
        gpu[i] = value + rentSum;
        gold[i] = spent * Math.exp(goldDrift * t + sigma * w) * goldKeep ** t;
        h100e[i] = working * perf;
      }
    }
  }
  return { samples, quarters, cost, hardware, gpu, gold, h100e };
}
