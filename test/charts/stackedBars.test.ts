// stackedBars: golden picture, one colour per origin, negatives below zero, legend, "no data".
import { describe, expect, it } from "vitest";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { stackedBars } from "../../src/charts/stackedBars.js";
import { STACKED, texts, textY } from "./chartFixtures.js";

describe("stackedBars", () => {
  const svg = stackedBars(STACKED);

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/stackedBars.svg");
  });

  it("lists every origin in the legend and every category on the axis", () => {
    const shown = texts(svg);
    for (const s of STACKED.series) expect(shown).toContain(s.name);
    for (const c of STACKED.categories) expect(shown).toContain(c);
  });

  it("extends the money axis below zero for the negative part", () => {
    expect(textY(svg, "$-20B")).toBeGreaterThan(textY(svg, "$0"));
    expect(textY(svg, "$120B")).toBeLessThan(textY(svg, "$0"));
  });

  it("gives each series its own colour", () => {
    for (const colour of ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6"]) {
      expect(svg).toContain(`fill="${colour}"`);
    }
  });

  it("says No data for no categories or all zeros", () => {
    expect(texts(stackedBars({ ...STACKED, categories: [] }))).toContain("No data");
    const zeros = STACKED.series.map((s) => ({ ...s, values: s.values.map(() => 0) }));
    expect(texts(stackedBars({ ...STACKED, series: zeros }))).toContain("No data");
  });
});
