// The scenario gap's figures as declared outputs, one per method, quantity and year, so that a
// Monte Carlo run summarises them sample by sample (sums over the loop's companies first, then
// quantiles): the bands of `perpetuum gap SCENARIO --samples N`.

import type { OutputSource } from "../outputs/outputSource.js";
import type { Summary } from "../sample/summarize.js";
import type { ScenarioGapShares } from "./scenarioGap.js";

/** The quantities of a year's gap, in the order of ScenarioGapYear. */
export const GAP_QUANTITIES = [
  "capex",
  "depreciation",
  "endCustomerRevenue",
  "sequoia_required",
  "sequoia_gap",
  "bain_required",
  "bain_gap",
  "depreciation_required",
  "depreciation_gap",
] as const;

/** One quantity of a year's gap. */
export type GapQuantity = (typeof GAP_QUANTITIES)[number];

/** The name of the output holding `quantity` in `year`. */
export function gapOutputName(quantity: GapQuantity, year: number): string {
  return `gap_${quantity}_${year}`;
}

/** The formula of each quantity, from the loop's sums of a series in `year`. */
function formulas(
  entities: readonly string[],
  revenueOf: readonly string[],
  year: number,
  shares: ScenarioGapShares,
) {
  const sum = (series: string, ids: readonly string[]) =>
    `(${ids.map((e) => `${series}(${e}, ${year})`).join(" + ")})`;
  const capex = sum("capex", entities);
  const depreciation = sum("depreciation", entities);
  const revenue = sum("customerRevenue", revenueOf);
  const sequoia = `${capex} / (1 - ${shares.margin})`;
  const bain = `${capex} / ${shares.capexToRevenue}`;
  const byDepreciation = `${depreciation} / ${shares.margin}`;
  return {
    capex,
    depreciation,
    endCustomerRevenue: revenue,
    sequoia_required: sequoia,
    sequoia_gap: `${sequoia} - ${revenue}`,
    bain_required: bain,
    bain_gap: `${bain} - ${revenue}`,
    depreciation_required: byDepreciation,
    depreciation_gap: `${byDepreciation} - ${revenue}`,
  } satisfies Record<GapQuantity, string>;
}

/**
 * The outputs that compute a scenario's gaps for every year, to compile in place of the
 * scenario's own outputs: capex and depreciation of `entities`, end-customer revenue of
 * `revenueOf` (as in scenarioGap). They are generated, not written in a file, so their offsets
 * are 0.
 *
 * @example gapOutputs(["openai", "oracle"], ["openai"], [2026], { margin: 0.5, capexToRevenue: 0.25 })
 */
export function gapOutputs(
  entities: readonly string[],
  revenueOf: readonly string[],
  years: readonly number[],
  shares: ScenarioGapShares,
): OutputSource[] {
  return years.flatMap((year) => {
    const f = formulas(entities, revenueOf, year, shares);
    return GAP_QUANTITIES.map((q) => ({
      name: gapOutputName(q, year),
      nameStart: 0,
      nameEnd: 0,
      text: f[q],
      textStart: 0,
    }));
  });
}

/** Bands of the revenue required and the gap left, over the samples. */
export interface GapPairBands {
  readonly required: Summary;
  readonly gap: Summary;
}

/** One year of a scenario's gaps as bands over the samples, shaped as ScenarioGapYear. */
export interface GapBandsYear {
  readonly year: number;
  readonly capex: Summary;
  readonly depreciation: Summary;
  readonly endCustomerRevenue: Summary;
  readonly sequoia: GapPairBands;
  readonly bain: GapPairBands;
  readonly depreciationMethod: GapPairBands;
}

/** The bands per year, read from the summaries of the outputs gapOutputs declared. */
export function gapBands(
  years: readonly number[],
  outputs: Readonly<Record<string, Summary>>,
): GapBandsYear[] {
  return years.map((year) => {
    const at = (q: GapQuantity) => outputs[gapOutputName(q, year)] as Summary;
    return {
      year,
      capex: at("capex"),
      depreciation: at("depreciation"),
      endCustomerRevenue: at("endCustomerRevenue"),
      sequoia: { required: at("sequoia_required"), gap: at("sequoia_gap") },
      bain: { required: at("bain_required"), gap: at("bain_gap") },
      depreciationMethod: {
        required: at("depreciation_required"),
        gap: at("depreciation_gap"),
      },
    };
  });
}
