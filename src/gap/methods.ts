// The gap methods by name: each one's parameters (name, unit, meaning, allowed range) and a
// single entry point that runs a method on inputs given by name.

import { MONEY, PERCENT, PLAIN, type Unit } from "../units/unit.js";
import { bainGap } from "./bain.js";
import { depreciationGap } from "./depreciation.js";
import { sequoiaGap } from "./sequoia.js";
import type { GapInput, GapMethodName, GapResult } from "./step.js";

/** A parameter of a gap method. */
export interface GapParameter {
  /** Its name, as in `--param name=value` and in gap files. */
  readonly name: string;
  /** Its unit (money in dollars a year, a percentage as a fraction, or plain). */
  readonly unit: Unit;
  /** What it means. */
  readonly description: string;
  /** Whether it is a fraction strictly between 0 and 1 (a divisor or 1 − it is). */
  readonly fraction: boolean;
}

const money = (name: string, description: string): GapParameter => ({
  name,
  unit: MONEY,
  description,
  fraction: false,
});
const share = (name: string, description: string): GapParameter => ({
  name,
  unit: PERCENT,
  description,
  fraction: true,
});

/** Every method's parameters, in the order the calculation uses them. */
export const GAP_METHODS: Readonly<Record<GapMethodName, readonly GapParameter[]>> = {
  sequoia: [
    money("nvidiaRunRate", "Nvidia's data-centre revenue run-rate, a year"),
    share("gpuShare", "GPUs' share of total data-centre cost"),
    share("margin", "end user's gross margin"),
    money("aiRevenue", "AI revenue there is, a year"),
  ],
  bain: [
    money("capex", "annual capex"),
    share("capexToRevenue", "sustainable capex-to-revenue ratio"),
    money("revenueInSight", "revenue in sight, a year"),
  ],
  depreciation: [
    money("capex", "annual capex on hardware"),
    { name: "usefulLife", unit: PLAIN, description: "useful life in years", fraction: false },
    share("margin", "target gross margin"),
    money("revenueInSight", "revenue in sight, a year"),
  ],
};

/** The method names, for messages and schemas. */
export const GAP_METHOD_NAMES = Object.keys(GAP_METHODS) as GapMethodName[];

/**
 * Why a parameter's value is out of range, or `null` when it is fine: fractions must lie
 * strictly between 0 and 1, the useful life must be positive, money must be finite.
 */
export function gapParameterProblem(p: GapParameter, value: number): string | null {
  if (!Number.isFinite(value)) return `${p.name} must be a finite number`;
  if (p.fraction && !(value > 0 && value < 1))
    return `${p.name} must be a percentage strictly between 0% and 100%`;
  if (p.name === "usefulLife" && !(value > 0)) return "usefulLife must be more than 0 years";
  return null;
}

/**
 * Runs a method on complete, checked inputs given by parameter name.
 *
 * @example runGapMethod("bain", { capex: {value: 5e11, …}, capexToRevenue: …, revenueInSight: … })
 */
export function runGapMethod(
  method: GapMethodName,
  inputs: Readonly<Record<string, GapInput>>,
): GapResult {
  const get = (name: string): GapInput => {
    const input = inputs[name];
    if (input === undefined) throw new Error(`gap ${method}: input ${name} missing`);
    return input;
  };
  switch (method) {
    case "sequoia":
      return sequoiaGap({
        nvidiaRunRate: get("nvidiaRunRate"),
        gpuShare: get("gpuShare"),
        margin: get("margin"),
        aiRevenue: get("aiRevenue"),
      });
    case "bain":
      return bainGap({
        capex: get("capex"),
        capexToRevenue: get("capexToRevenue"),
        revenueInSight: get("revenueInSight"),
      });
    case "depreciation":
      return depreciationGap({
        capex: get("capex"),
        usefulLife: get("usefulLife"),
        margin: get("margin"),
        revenueInSight: get("revenueInSight"),
      });
    default:
      return method satisfies never;
  }
}
