// Reads a reserve's Monte Carlo: bands per quarter, the crossover after which gold stays ahead,
// the chance the GPU reserve beats gold after each whole year, and the half-life of its hardware.
//
// Bands are R-7 quantiles (p5, p25, p50, p75, p95) over samples. "Gold ahead" means G(t) > V(t)
// (GPU value with cumulative net rent). A path's crossover is the first quarter from which gold
// is ahead in every later quarter of the horizon; a path where the GPU reserve is ahead (or level)
// at the end has none. The half-life is the first quarter in which the hardware value H(t) is
// below half the purchase cost (rent not counted: it is what the GPUs would fetch).

import type { Band } from "../sample/summarize.js";
import { quantiles } from "../sample/summarize.js";
import { SUMMARY_QUANTILES } from "../sample/summaryQuantiles.js";
import type { ReservePaths } from "./simulateReserve.js";

/** The p5, p25, p50, p75 and p95 of a quantity over samples. */
export type { Band };

/** The reserve and the gold in one quarter after purchase. */
export interface ReserveQuarter {
  /** Quarters since purchase (0 = the purchase). */
  readonly quarter: number;
  /** GPU reserve value with cumulative net rent. */
  readonly gpu: Band;
  /** Hardware value alone. */
  readonly hardware: Band;
  /** Gold value. */
  readonly gold: Band;
  /** Compute held in H100-equivalents. */
  readonly h100e: Band;
  /** Share of samples in which the GPU reserve (with rent) is worth more than the gold. */
  readonly pGpuBeatsGold: number;
}

/** When something happens along each path: the share of paths where it does, and when. */
export interface Timing {
  /** Share of samples in which it happens within the horizon. */
  readonly share: number;
  /** Band of the quarter (since purchase) among those samples; `null` when none. */
  readonly quarters: Band | null;
}

/** What a reserve's Monte Carlo says. */
export interface ReserveSummary {
  /** Number of samples. */
  readonly samples: number;
  /** Band of the purchase cost. */
  readonly cost: Band;
  /** Quarters 0 … Q. */
  readonly perQuarter: readonly ReserveQuarter[];
  /** First quarter from which the median gold value exceeds the median GPU value to the end. */
  readonly medianCrossover: number | null;
  /** The crossover of each path. */
  readonly crossover: Timing;
  /** The first quarter the hardware is worth less than half its cost, in each path. */
  readonly halfLife: Timing;
  /** First quarter in which the median hardware value is below half the median cost. */
  readonly medianHalfLife: number | null;
}

function band(x: Float64Array): Band {
  const [p5, p25, p50, p75, p95] = quantiles(x, SUMMARY_QUANTILES) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { p5, p25, p50, p75, p95 };
}

function timing(when: Int32Array): Timing {
  const hits = when.filter((q) => q >= 0);
  return {
    share: hits.length / when.length,
    quarters: hits.length === 0 ? null : band(Float64Array.from(hits)),
  };
}

/**
 * Summarises the paths of `simulateReserve`.
 *
 * @example summarizeReserve(simulateReserve(inputs, { quarters: 40, seed: 1 })).medianCrossover
 */
export function summarizeReserve(paths: ReservePaths): ReserveSummary {
  const { samples: n, quarters, cost, hardware, gpu, gold, h100e } = paths;
  const crossing = new Int32Array(n).fill(-1);
  const halving = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) {
    const half = 0.5 * (cost[s] as number);
    for (let q = quarters; q >= 0 && (gold[q * n + s] as number) > (gpu[q * n + s] as number); q--)
      crossing[s] = q;
    for (let q = 0; q <= quarters && halving[s] === -1; q++)
      if ((hardware[q * n + s] as number) < half) halving[s] = q;
  }
  const perQuarter: ReserveQuarter[] = [];
  for (let q = 0; q <= quarters; q++) {
    const at = (x: Float64Array) => x.subarray(q * n, (q + 1) * n);
    const g = at(gpu);
    const au = at(gold);
    let beats = 0;
    for (let s = 0; s < n; s++) if ((g[s] as number) > (au[s] as number)) beats++;
    perQuarter.push({
      quarter: q,
      gpu: band(g),
      hardware: band(at(hardware)),
      gold: band(au),
      h100e: band(at(h100e)),
      pGpuBeatsGold: beats / n,
    });
  }
  let medianCrossover: number | null = null;
  for (let q = quarters; q >= 0; q--) {
    const row = perQuarter[q] as ReserveQuarter;
    if (row.gold.p50 <= row.gpu.p50) break;
    medianCrossover = q;
  }
  const costBand = band(cost);
  const firstHalf = perQuarter.find((row) => row.hardware.p50 < 0.5 * costBand.p50);
  return {
    samples: n,
    cost: costBand,
    perQuarter,
    medianCrossover,
    crossover: timing(crossing),
    halfLife: timing(halving),
    medianHalfLife: firstHalf === undefined ? null : firstHalf.quarter,
  };
}
