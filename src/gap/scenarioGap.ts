// The three gap methods applied to a simulation's own figures, year by year: the loop's capex
// stands for the data-centre spend, its depreciation for the hardware's annual cost, and what end
// customers paid the AI labs (the companies the compute is for) for the AI revenue there is.

import { yearlySum, yearsOf } from "../report/yearly.js";
import type { SystemSpec } from "../scenario/system.js";
import type { RunResult } from "../sim/result.js";

/** The shares the methods need (fractions). */
export interface ScenarioGapShares {
  /** End user's gross margin (Sequoia; the depreciation method's target margin). */
  readonly margin: number;
  /** Sustainable capex-to-revenue ratio (Bain). */
  readonly capexToRevenue: number;
}

/**
 * The shares a simulation's gaps use unless told otherwise: Sequoia 2024's end-user gross margin
 * (public:sequoia-2024) and Bain's sustainable capex-to-revenue ratio (public:bain-2030).
 */
export const DEFAULT_GAP_SHARES: ScenarioGapShares = { margin: 0.5, capexToRevenue: 0.25 };

/** Revenue required and the gap left by end-customer revenue, dollars a year. */
export interface GapPair {
  readonly required: number;
  readonly gap: number;
}

/** One year of a simulation's gaps. */
export interface ScenarioGapYear {
  readonly year: number;
  /** Capex of every company in the loop, dollars. */
  readonly capex: number;
  /** Depreciation of every company in the loop, dollars. */
  readonly depreciation: number;
  /** What end customers paid the AI labs, dollars. */
  readonly endCustomerRevenue: number;
  /** Sequoia: capex ÷ (1 − margin), the capex taken as the whole data-centre spend. */
  readonly sequoia: GapPair;
  /** Bain: capex ÷ capex-to-revenue ratio. */
  readonly bain: GapPair;
  /** Depreciation: the year's depreciation ÷ margin. */
  readonly depreciationMethod: GapPair;
}

/**
 * The gaps of a point run, year by year. Capex and depreciation are summed over the loop's
 * companies; end-customer revenue (the `customerRevenue` series) over `revenueOf`, the AI labs
 * (see aiRevenueEntities).
 *
 * @example scenarioGap(point, { margin: 0.5, capexToRevenue: 0.25 }, ["openai"])
 */
export function scenarioGap(
  result: RunResult,
  shares: ScenarioGapShares,
  revenueOf: readonly string[],
): ScenarioGapYear[] {
  const years = yearsOf(result.quarters);
  const total = (
    name: "capex" | "depreciation" | "customerRevenue",
    ids: readonly string[] = Object.keys(result.entities),
  ) => {
    const sums = years.map(() => 0);
    for (const id of ids)
      yearlySum(result.quarters, result.entities[id]?.series[name] ?? []).forEach((x, y) => {
        sums[y] = (sums[y] as number) + x;
      });
    return sums;
  };
  const capex = total("capex");
  const depreciation = total("depreciation");
  const revenue = total("customerRevenue", revenueOf);
  const pair = (required: number, y: number): GapPair => ({
    required,
    gap: required - (revenue[y] as number),
  });
  return years.map((year, y) => ({
    year,
    capex: capex[y] as number,
    depreciation: depreciation[y] as number,
    endCustomerRevenue: revenue[y] as number,
    sequoia: pair((capex[y] as number) / (1 - shares.margin), y),
    bain: pair((capex[y] as number) / shares.capexToRevenue, y),
    depreciationMethod: pair((depreciation[y] as number) / shares.margin, y),
  }));
}

/**
 * The companies whose end-customer revenue counts as AI revenue: the AI labs (`kind: lab`), whose
 * customers ultimately pay for the compute; every company when the scenario names no lab.
 */
export function aiRevenueEntities(system: SystemSpec): string[] {
  const labs = system.entities.filter((e) => e.spec.kind === "lab").map((e) => e.id);
  return labs.length > 0 ? labs : system.entities.map((e) => e.id);
}
