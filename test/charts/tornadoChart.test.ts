// tornadoChart: golden picture, widest swing on top, bars from the base, labels and "no data".
import { describe, expect, it } from "vitest";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { tornadoChart } from "../../src/charts/tornadoChart.js";
import { TORNADO, texts, textY } from "./chartFixtures.js";

describe("tornadoChart", () => {
  const svg = tornadoChart(TORNADO);

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/tornadoChart.svg");
  });

  it("puts the widest swing on top and the narrowest at the bottom", () => {
    const order = ["End-customer growth", "GPU life", "Interest rate", "Power price"];
    const ys = order.map((name) => textY(svg, name));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it("captions the base line and labels the bar ends in money", () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["base $1.2T", "$700B", "$1.5T", "$1.15T", "$1.3T", "$1.28T"]),
    );
  });

  it("labels only the farther end when both ends lie on the same side of the base", () => {
    expect(texts(svg)).not.toContain("$1.25T");
  });

  it("lists the two ends in the legend", () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(["input at p10", "input at p90"]));
  });

  it("skips rows with NaN and says No data when nothing moves", () => {
    const nan = tornadoChart({ ...TORNADO, rows: [{ name: "broken", low: NaN, high: 1 }] });
    expect(texts(nan)).toContain("No data");
    const flat = tornadoChart({ ...TORNADO, rows: [{ name: "flat", low: 1.2e12, high: 1.2e12 }] });
    expect(texts(flat)).toContain("No data");
    expect(texts(tornadoChart({ ...TORNADO, rows: [] }))).toContain("No data");
  });
});
