// lineChart: golden picture, one colour per line with its band, units, markers and "no data".
import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/charts/lineChart.js";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { LINES, texts, YEARS } from "./chartFixtures.js";

describe("lineChart", () => {
  const svg = lineChart(LINES);

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/lineChart.svg");
  });

  it("labels the axis in money and lists both lines in the legend", () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["$0", "$200B", "$600B", "GPU reserve", "Gold", "bust"]),
    );
  });

  it("draws each line in its own colour and shades only the banded one", () => {
    expect(svg).toMatch(/stroke="#3b82f6" stroke-width="2"/);
    expect(svg).toMatch(/stroke="#f59e0b" stroke-width="2"/);
    expect(svg.match(/fill="rgb\(59,130,246\)" fill-opacity="0.2"/g) ?? []).toHaveLength(1);
    expect(svg).not.toContain("rgb(245,158,11)");
  });

  it("reads percentages as percent", () => {
    const rates = lineChart({
      title: "Default rate",
      unit: "percent",
      labels: YEARS,
      series: [{ name: "rate", values: [0.01, 0.05, 0.1, 0.2, 0.3, 0.45] }],
    });
    expect(texts(rates)).toEqual(expect.arrayContaining(["0%", "10%", "50%"]));
  });

  it("reads power in watts", () => {
    const power = lineChart({
      title: "Data-centre power",
      unit: "watts",
      labels: YEARS,
      series: [{ name: "power", values: [1, 2, 3, 4, 4.5, 5].map((x) => x * 1e9) }],
    });
    expect(texts(power)).toEqual(expect.arrayContaining(["0 W", "1 GW", "5 GW"]));
  });

  it("says No data when there are no lines or only NaN", () => {
    expect(texts(lineChart({ ...LINES, series: [] }))).toContain("No data");
    const nan = lineChart({ ...LINES, series: [{ name: "x", values: YEARS.map(() => NaN) }] });
    expect(texts(nan)).toContain("No data");
  });
});
