// Sequoia's revenue gap (David Cahn, "AI's $200B Question", Sep 2023, and "AI's $600B
// Question", 20 Jun 2024): from Nvidia's data-centre revenue run-rate to the end-user revenue
// the build-out needs, and the hole left by the AI revenue there is.

import { MONEY, PERCENT } from "../units/unit.js";
import { derivedStep, type GapInput, type GapResult, inputStep } from "./step.js";

/** Inputs of Sequoia's method. */
export interface SequoiaInputs {
  /** Nvidia's data-centre revenue run-rate, dollars a year. */
  readonly nvidiaRunRate: GapInput;
  /** GPUs' share of a data centre's total cost (energy, buildings, backup…), as a fraction. */
  readonly gpuShare: GapInput;
  /** The end user's gross margin on AI products, as a fraction. */
  readonly margin: GapInput;
  /** AI revenue there is, dollars a year. */
  readonly aiRevenue: GapInput;
}

/**
 * Sequoia's gap:
 * - data-centre spend S = run-rate ÷ gpuShare;
 * - revenue required R = S ÷ (1 − margin);
 * - hole = R − aiRevenue.
 *
 * Cahn uses gpuShare = 50% and margin = 50%, i.e. ×2 then ×2; both are parameters here.
 * Sources: public:sequoia-2023, public:sequoia-2024.
 *
 * @example sequoiaGap(2024 inputs: $150B, 50%, 50%, $100B) // required $600B, gap $500B (S = $300B)
 */
export function sequoiaGap(inputs: SequoiaInputs): GapResult {
  const { nvidiaRunRate, gpuShare, margin, aiRevenue } = inputs;
  const spend = nvidiaRunRate.value / gpuShare.value;
  const required = spend / (1 - margin.value);
  const gap = required - aiRevenue.value;
  return {
    method: "sequoia",
    required,
    gap,
    steps: [
      inputStep("nvidiaRunRate", "Nvidia data-centre revenue run-rate", MONEY, nvidiaRunRate),
      inputStep("gpuShare", "GPU share of total data-centre cost", PERCENT, gpuShare),
      inputStep("margin", "end user's gross margin", PERCENT, margin),
      inputStep("aiRevenue", "AI revenue there is", MONEY, aiRevenue),
      derivedStep("dataCentreSpend", "data-centre spend", MONEY, spend, "nvidiaRunRate / gpuShare"),
      derivedStep(
        "required",
        "revenue required",
        MONEY,
        required,
        "dataCentreSpend / (1 - margin)",
      ),
      derivedStep("gap", "hole", MONEY, gap, "required - aiRevenue"),
    ],
  };
}
