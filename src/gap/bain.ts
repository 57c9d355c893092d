// Bain's revenue gap (Technology Report 2025, 23 Sep 2025): the revenue that annual AI capex
// needs at a sustainable capex-to-revenue ratio, and how far the revenue in sight falls short.

import { MONEY, PERCENT } from "../units/unit.js";
import { derivedStep, type GapInput, type GapResult, inputStep } from "./step.js";

/** Inputs of Bain's method. */
export interface BainInputs {
  /** Annual capex, dollars a year. */
  readonly capex: GapInput;
  /** Sustainable ratio of capex to revenue, as a fraction. */
  readonly capexToRevenue: GapInput;
  /** Revenue in sight, dollars a year. */
  readonly revenueInSight: GapInput;
}

/**
 * Bain's gap:
 * - revenue required R = capex ÷ capexToRevenue;
 * - gap = R − revenueInSight.
 *
 * Source: public:bain-2030.
 *
 * @example bainGap($500B, 25%, $1.2T) // required $2T, gap $800B
 */
export function bainGap(inputs: BainInputs): GapResult {
  const { capex, capexToRevenue, revenueInSight } = inputs;
  const required = capex.value / capexToRevenue.value;
  const gap = required - revenueInSight.value;
  return {
    method: "bain",
    required,
    gap,
    steps: [
      inputStep("capex", "annual capex", MONEY, capex),
      inputStep("capexToRevenue", "sustainable capex-to-revenue ratio", PERCENT, capexToRevenue),
      inputStep("revenueInSight", "revenue in sight", MONEY, revenueInSight),
      derivedStep("required", "revenue required", MONEY, required, "capex / capexToRevenue"),
      derivedStep("gap", "shortfall", MONEY, gap, "required - revenueInSight"),
    ],
  };
}
