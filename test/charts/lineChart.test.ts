// lineChart: golden picture, one colour per line with its band, units, markers and "no data".
import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/charts/lineChart.js";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { LINES, texts, textY, YEARS } from "./chartFixtures.js";

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

  it("wraps a long legend into rows below the axis labels", () => {
    const names = ["OpenAI", "Oracle Corporation", "Microsoft", "Nvidia", "CoreWeave", "Anthropic"];
    const many = lineChart({
      ...LINES,
      series: [...names, ...names.map((n) => `${n} 2`)].map((name, k) => ({
        name,
        values: YEARS.map((_, i) => (i + 1) * (k + 1) * 1e9),
      })),
    });
    const legendYs = [...names, ...names.map((n) => `${n} 2`)].map((n) => textY(many, n));
    expect(new Set(legendYs).size).toBeGreaterThan(1);
    expect(Math.min(...legendYs)).toBeGreaterThan(textY(many, "2030") + 10);
    expect(Math.max(...legendYs)).toBeLessThan(360);
  });

  it("cuts a title too long for the width short, keeping it whole for screen readers", () => {
    const title = `Revenue required ${"and much more ".repeat(12)}`;
    const long = lineChart({ ...LINES, title });
    expect(texts(long)).not.toContain(title);
    expect(texts(long).some((t) => t.startsWith("Revenue required and") && t.endsWith("..."))).toBe(
      true,
    );
    expect(long).toContain(`<title>${title}</title>`);
  });

  it("says No data when there are no lines or only NaN", () => {
    expect(texts(lineChart({ ...LINES, series: [] }))).toContain("No data");
    const nan = lineChart({ ...LINES, series: [{ name: "x", values: YEARS.map(() => NaN) }] });
    expect(texts(nan)).toContain("No data");
  });
});
