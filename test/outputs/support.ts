// Helpers for output tests: a small scenario with two entities, its plan, and Recorded data
// filled by formula so that each expected value can be worked out by hand.
import type { OutputsPlan } from "../../src/outputs/outputsPlan.js";
import { type Recorded, recordingFor } from "../../src/outputs/recorded.js";
import type { SlotSource } from "../../src/outputs/recordingPlan.js";
import { recordQuarter } from "../../src/outputs/recordQuarter.js";
import { DomainIssues } from "../../src/sample/domainIssues.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";

/** 2025Q3 to 2026Q4: six quarters, two of them in 2025. */
export const HEAD = `name: t
start: 2025Q3
quarters: 6
assumptions:
  price: $10
  ramp: = $1B * t
  share: 3%
entities:
  lab: { cash: $10B, valuation: $500B }
  cloud-co: { cash: $50B }
`;

/** The plan of `outputs` (lines of the outputs section) over HEAD; throws on diagnostics. */
export function planOf(outputs: string): OutputsPlan {
  const checked = checkScenario(`${HEAD}outputs:\n${outputs}`);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
  return checked.value.outputs;
}

/** How record() records. */
export interface RecordOptions {
  /** Per entity, per sample: the quarter it defaults in (−1: never). */
  readonly defaults?: readonly (readonly number[])[];
  /** Where streamed conditions that are not finite are traced. */
  readonly issues?: DomainIssues;
  /** The chunk's first sample in the run. */
  readonly offset?: number;
  /** Whether the formulas are compiled (outputKernel.ts). */
  readonly kernels?: boolean;
}

/**
 * Recorded values for `plan`, recorded quarter by quarter as a run records them: series r of
 * sample i in quarter q is `seriesValue(r, q, i)`, assumption r is `assumptionValue(r, q, i)`, and
 * entity e of sample i defaults in quarter `defaults[e][i]`.
 */
export function record(
  plan: OutputsPlan,
  count: number,
  seriesValue: (r: number, q: number, i: number) => number,
  assumptionValue: (r: number, q: number, i: number) => number,
  options: RecordOptions = {},
): Recorded {
  const { defaults = [], issues = new DomainIssues(), offset = 0, kernels = false } = options;
  const recorded = recordingFor(plan, count, plan.quarters, 2, kernels);
  for (let q = 0; q < plan.quarters; q++) {
    const values = (source: SlotSource, ref: number) =>
      Float64Array.from({ length: count }, (_, i) =>
        (source === "series" ? seriesValue : assumptionValue)(ref, q, i),
      );
    recordQuarter(recorded, q, values, { start: plan.start, offset, issues });
  }
  recorded.defaultedAt.fill(-1);
  defaults.forEach((row, e) => {
    row.forEach((q, i) => {
      recorded.defaultedAt[e * count + i] = q;
    });
  });
  return recorded;
}
