// The depreciation-based gap: the revenue whose gross profit pays for the hardware's annual
// depreciation (straight line over its useful life), and how far the revenue there is falls short.

import { MONEY, PERCENT, PLAIN } from "../units/unit.js";
import { derivedStep, type GapInput, type GapResult, inputStep } from "./step.js";

/** Inputs of the depreciation method. */
export interface DepreciationInputs {
  /** Capex on hardware, dollars a year. */
  readonly capex: GapInput;
  /** Useful life of the hardware, years. */
  readonly usefulLife: GapInput;
  /** Target gross margin, as a fraction. */
  readonly margin: GapInput;
  /** Revenue in sight, dollars a year. */
  readonly revenueInSight: GapInput;
}

/**
 * The depreciation gap:
 * - annual depreciation D = capex ÷ usefulLife (straight line; in the steady state where the
 *   same capex is spent every year, D equals one year's capex spread over its life);
 * - revenue required R = D ÷ margin, the revenue R with R × margin = D: gross profit that just
 *   covers depreciation (no return on capital, no operating costs beyond cost of revenue);
 * - gap = R − revenueInSight.
 *
 * @example depreciationGap($500B, 5 years, 50%, $100B) // D $100B, required $200B, gap $100B
 */
export function depreciationGap(inputs: DepreciationInputs): GapResult {
  const { capex, usefulLife, margin, revenueInSight } = inputs;
  const depreciation = capex.value / usefulLife.value;
  const required = depreciation / margin.value;
  const gap = required - revenueInSight.value;
  return {
    method: "depreciation",
    required,
    gap,
    steps: [
      inputStep("capex", "annual capex on hardware", MONEY, capex),
      inputStep("usefulLife", "useful life (years)", PLAIN, usefulLife),
      inputStep("margin", "target gross margin", PERCENT, margin),
      inputStep("revenueInSight", "revenue in sight", MONEY, revenueInSight),
      derivedStep("depreciation", "annual depreciation", MONEY, depreciation, "capex / usefulLife"),
      derivedStep("required", "revenue required", MONEY, required, "depreciation / margin"),
      derivedStep("gap", "shortfall", MONEY, gap, "required - revenueInSight"),
    ],
  };
}
