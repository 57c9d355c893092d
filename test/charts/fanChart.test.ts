// fanChart: golden picture, money axis labels, bands below the median, markers, gaps and "no data".
import { describe, expect, it } from "vitest";
import { fanChart } from "../../src/charts/fanChart.js";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { FAN, texts, wellNested } from "./chartFixtures.js";

describe("fanChart", () => {
  const svg = fanChart(FAN);

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/fanChart.svg");
  });

  it("labels the value axis in money, with negatives and zero", () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(["$-500B", "$0", "$1T", "$1.5T", "$3.5T"]));
  });

  it("shows the title, the x labels, the legend and the marker", () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["OpenAI cash", "2025", "2030", "5–95%", "25–75%", "median"]),
    );
    expect(texts(svg)).toContain("OpenAI defaults");
    expect(svg).toContain('class="chart-marker"');
  });

  it("gives markers at one label one line and one caption", () => {
    const two = fanChart({
      ...FAN,
      markers: [
        { at: "2028", text: "OpenAI defaults" },
        { at: "2028", text: "Oracle defaults" },
      ],
    });
    expect(texts(two)).toContain("OpenAI defaults, Oracle defaults");
    expect(two.match(/class="chart-marker"/g) ?? []).toHaveLength(1);
  });

  it("ignores a marker at a label the chart does not have", () => {
    const other = fanChart({ ...FAN, markers: [{ at: "1999", text: "Nowhere" }] });
    expect(texts(other)).not.toContain("Nowhere");
  });

  it("draws two shaded bands and a median line", () => {
    const areas = [...svg.matchAll(/Z" fill="rgb\(59,130,246\)" fill-opacity="([\d.]+)"/g)];
    expect(areas.map((m) => m[1])).toEqual(["0.22", "0.45"]);
    expect(svg).toMatch(/stroke="#3b82f6" stroke-width="2" stroke-linejoin/);
  });

  it("leaves gaps for NaN quantiles instead of failing", () => {
    const bands = FAN.bands.map((b, i) => (i === 2 ? { ...b, p50: Number.NaN, p95: Infinity } : b));
    const gappy = fanChart({ ...FAN, bands });
    expect(wellNested(gappy)).toBe(true);
    expect(texts(gappy)).not.toContain("No data");
  });

  it.each([
    ["no labels", { ...FAN, labels: [], bands: [] }],
    [
      "all zeros",
      { ...FAN, bands: FAN.bands.map(() => ({ p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 })) },
    ],
    [
      "all NaN",
      {
        ...FAN,
        bands: FAN.bands.map(() => ({ p5: NaN, p25: NaN, p50: NaN, p75: NaN, p95: NaN })),
      },
    ],
  ])("says No data for %s", (_, data) => {
    const empty = fanChart(data);
    expect(wellNested(empty)).toBe(true);
    expect(texts(empty)).toEqual(["OpenAI cash", "No data"]);
  });
});
