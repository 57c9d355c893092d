// What a run records for the outputs: only the quarters the formulas read after the run, flows
// summed as the quarters pass, and the current quarter for conditions tested during the run.
import { describe, expect, it } from "vitest";
import { recordingPlan } from "../../src/outputs/recordingPlan.js";
import { planOf } from "./support.js";

/** The recorded values of `lines` as `source ref from…to`, and which steps are streamed. */
function slotsOf(lines: string) {
  const plan = recordingPlan(planOf(lines));
  return {
    slots: plan.slots.map((s) =>
      s.from < 0 ? `${s.source} ${s.ref} current` : `${s.source} ${s.ref} ${s.from}…${s.to}`,
    ),
    streamed: plan.streamed,
    current: plan.current.map((w) => w.slot),
    writes: plan.writes.map((ws) => ws.map((w) => `${w.slot}${w.add ? "+" : "="}`).join(" ")),
  };
}

describe("recordingPlan", () => {
  it("keeps one quarter of a stock and one running sum of a flow", () => {
    // Six quarters, 2025Q3 to 2026Q4: 2026 is quarters 2 to 5; the last quarter is 5.
    const plan = slotsOf("  a: = cash(lab)\n  b: = revenue(lab, 2026)\n  c: = at(ramp, 2025Q4)\n");
    expect(plan.slots).toEqual(["series 0 5…5", "series 1 2…5", "assumption 0 1…1"]);
    expect(plan.writes).toEqual(["", "2=", "1=", "1+", "1+", "0= 1+"]);
    expect(plan.streamed).toEqual([[], [], []]);
  });

  it("tests a condition on the current quarter during the run, reading no quarter after it", () => {
    const plan = slotsOf("  a: = firstQuarter(cash(lab) + ramp < $1030) * 2\n  b: = ramp\n");
    expect(plan.slots).toEqual(["series 0 current", "assumption 0 current", "assumption 0 5…5"]);
    expect(plan.current).toEqual([0, 1]);
    expect(plan.streamed).toEqual([[0], []]);
    expect(plan.writes).toEqual(["", "", "", "", "", "2="]);
  });

  it("records every quarter for a condition that reads a fixed quarter or a default", () => {
    const fixed = slotsOf("  a: = firstQuarter(cash(lab) > cash(lab, 2026Q1))\n");
    expect(fixed.streamed).toEqual([[]]);
    expect(fixed.slots).toEqual([0, 1, 2, 3, 4, 5].map((q) => `series 0 ${q}…${q}`));
    expect(slotsOf("  a: = firstQuarter(defaulted(lab))\n").streamed).toEqual([[]]);
    const nested = slotsOf("  a: = firstQuarter(firstQuarter(cash(lab) < 0) < t)\n");
    expect(nested.streamed).toEqual([[]]);
    expect(nested.slots).toHaveLength(6);
  });
});
