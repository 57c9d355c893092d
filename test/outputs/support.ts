// Helpers for output tests: a small scenario with two entities, its plan, and Recorded data
// filled by formula so that each expected value can be worked out by hand.
import type { OutputsPlan } from "../../src/outputs/outputsPlan.js";
import type { Recorded } from "../../src/outputs/recorded.js";
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

/**
 * Recorded values for `plan` over `count` samples: series r of sample i in quarter q is
 * `seriesValue(r, q, i)`, assumption r is `assumptionValue(r, q, i)`, and entity e of sample i
 * defaults in quarter `defaults[e][i]` (−1: never).
 */
export function record(
  plan: OutputsPlan,
  count: number,
  seriesValue: (r: number, q: number, i: number) => number,
  assumptionValue: (r: number, q: number, i: number) => number,
  defaults: readonly (readonly number[])[] = [],
): Recorded {
  const fill = (n: number, f: (r: number, q: number, i: number) => number) =>
    Array.from({ length: n }, (_, r) => {
      const a = new Float64Array(plan.quarters * count);
      for (let q = 0; q < plan.quarters; q++)
        for (let i = 0; i < count; i++) a[q * count + i] = f(r, q, i);
      return a;
    });
  const defaultedAt = new Int32Array(2 * count).fill(-1);
  defaults.forEach((row, e) => {
    row.forEach((q, i) => {
      defaultedAt[e * count + i] = q;
    });
  });
  return {
    count,
    quarters: plan.quarters,
    series: fill(plan.series.length, seriesValue),
    assumptions: fill(plan.assumptions.length, assumptionValue),
    defaultedAt,
  };
}
