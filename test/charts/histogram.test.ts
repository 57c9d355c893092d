// histogram and binSamples: golden picture, percent or count axis, round stable bins of shares.
import { describe, expect, it } from "vitest";
import { binSamples } from "../../src/charts/binSamples.js";
import { histogram } from "../../src/charts/histogram.js";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { texts } from "./chartFixtures.js";

/** Deterministic bell-shaped samples around $1T (sum of uniforms from a small LCG). */
function bell(n: number): Float64Array {
  const out = new Float64Array(n);
  let state = 12345;
  const uniform = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += uniform();
    out[i] = 1e12 + (sum - 3) * 0.4e12;
  }
  return out;
}

describe("binSamples", () => {
  const samples = bell(2000);
  const bins = binSamples(samples, "money");

  it("gives shares that sum to one", () => {
    const total = bins.reduce((s, b) => s + b.value, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it("uses at most the requested number of round-width bins, labelled in the unit", () => {
    expect(bins.length).toBeLessThanOrEqual(21);
    expect(bins.length).toBeGreaterThanOrEqual(8);
    for (const b of bins) expect(b.label).toMatch(/^\$-?[\d.]+[kMBT]?–\$-?[\d.]+[kMBT]?$/);
    expect(bins.map((b) => b.label)).toContain("$1T–$1.1T");
  });

  it("takes the default number of bins for an unusable count", () => {
    expect(binSamples(samples, "money", Number.NaN)).toEqual(bins);
    expect(binSamples(samples, "money", 0)).toEqual(bins);
  });

  it("leaves out non-finite samples", () => {
    const dirty = Float64Array.from([...samples, NaN, Infinity, -Infinity]);
    expect(binSamples(dirty, "money")).toEqual(bins);
  });

  it("puts the largest sample in the last bin", () => {
    const few = binSamples(Float64Array.from([0, 0.5, 1]), "percent", 2);
    expect(few).toEqual([
      { label: "0%–50%", value: 1 / 3 },
      { label: "50%–100%", value: 2 / 3 },
    ]);
  });

  it("gives one bin for equal values and none for no finite values", () => {
    expect(binSamples(Float64Array.from([5e9, 5e9]), "watts")).toEqual([
      { label: "5 GW", value: 1 },
    ]);
    expect(binSamples(Float64Array.from([NaN]), "count")).toEqual([]);
    expect(binSamples(new Float64Array(0), "count")).toEqual([]);
  });
});

describe("histogram", () => {
  const svg = histogram({
    title: "Cumulative loss",
    xTitle: "loss by 2030",
    bins: binSamples(bell(2000), "money", 12),
    valueIs: "share",
  });

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/histogram.svg");
  });

  it("shows shares as percent and titles the x axis", () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(["0%", "10%", "loss by 2030"]));
  });

  it("shows counts as plain numbers", () => {
    const counts = histogram({
      title: "Defaults",
      xTitle: "companies defaulting",
      bins: [
        { label: "0", value: 1200 },
        { label: "1", value: 600 },
        { label: "2", value: 200 },
      ],
      valueIs: "count",
    });
    expect(texts(counts)).toEqual(expect.arrayContaining(["0", "1k", "1.2k"]));
  });

  it("says No data for no bins or all-zero bins", () => {
    const base = { title: "Empty", xTitle: "x", valueIs: "share" } as const;
    expect(texts(histogram({ ...base, bins: [] }))).toContain("No data");
    expect(texts(histogram({ ...base, bins: [{ label: "a", value: 0 }] }))).toContain("No data");
  });
});
