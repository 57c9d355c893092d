// Every chart kind: text from data is escaped, output is deterministic and well nested, nothing
// assumes a white page, CSS hooks are present, and ids of different charts do not collide.
import { describe, expect, it } from "vitest";
import {
  fanChart,
  histogram,
  lineChart,
  loopDiagram,
  stackedBars,
  tornadoChart,
} from "../../src/charts/index.js";
import { FAN, LINES, LOOP, STACKED, TORNADO, wellNested } from "./chartFixtures.js";

const EVIL = `<script>alert("x")</script> A & B 'q' {a|b} {c}`;

/** Each chart kind rendered from data whose every text is `name`. */
function renderAll(name: string): Record<string, string> {
  return {
    fan: fanChart({
      ...FAN,
      title: name,
      labels: FAN.labels.map((l, i) => (i === 3 ? name : l)),
      markers: [{ at: name, text: name }],
    }),
    line: lineChart({ ...LINES, title: name, series: LINES.series.map((s) => ({ ...s, name })) }),
    stacked: stackedBars({
      ...STACKED,
      title: name,
      categories: [name, ...STACKED.categories.slice(1)],
      series: STACKED.series.map((s, i) => ({ ...s, name: `${name}${i}` })),
    }),
    tornado: tornadoChart({
      ...TORNADO,
      title: name,
      rows: TORNADO.rows.map((r, i) => ({ ...r, name: `${name}${i}` })),
    }),
    histogram: histogram({
      title: name,
      xTitle: name,
      valueIs: "share",
      bins: [
        { label: name, value: 0.25 },
        { label: "b", value: 0.75 },
      ],
    }),
    loop: loopDiagram({
      ...LOOP,
      title: name,
      nodes: LOOP.nodes.map((n) => ({ ...n, label: `${name}${n.id}` })),
      edges: LOOP.edges.map((e) => ({ ...e, label: name })),
    }),
    empty: fanChart({ ...FAN, title: name, bands: [] }),
  };
}

describe.each(Object.entries(renderAll(EVIL)))("%s chart", (kind, svg) => {
  it("escapes text that comes from data", () => {
    expect(svg).not.toContain("<script");
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;|#x?[\da-f]+;)/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain(" A &amp; B ");
  });

  it("shows braces literally, not as ECharts templates or rich text", () => {
    expect(svg).toContain("{a|b} {c}");
  });

  it("is one well-nested svg element with a title and CSS class hooks", () => {
    expect(wellNested(svg)).toBe(true);
    expect(svg).toMatch(/^<svg class="chart chart-[a-z]+" role="img" aria-label="[^"]*"/);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>&lt;script&gt;");
    expect(svg).toContain('class="chart-title"');
    expect(svg).toContain('class="chart-text"');
    if (kind !== "loop" && kind !== "empty") expect(svg).toContain('class="chart-axis"');
  });

  it("paints no background and nothing white, so it works on dark pages", () => {
    expect(svg).not.toMatch(/<rect[^>]*fill="(?!none)/);
    expect(svg).not.toMatch(/(fill|stroke)="(#fff|#ffffff|white|rgb\(255,255,255\))"/i);
    expect(svg).not.toMatch(/paint-order/);
  });

  it("carries no interactive leftovers", () => {
    expect(svg).not.toMatch(/<style|ecmeta_|zr\d+-|pointer-events/);
  });

  it("renders the same string twice", () => {
    expect(renderAll(EVIL)[kind]).toBe(svg);
  });
});

describe("ids", () => {
  it("differ between different charts on one page and stay put for the same chart", () => {
    const idsOf = (svg: string): string[] =>
      [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? "");
    const fan = idsOf(fanChart(FAN));
    const line = idsOf(lineChart(LINES));
    expect(fan.length).toBeGreaterThan(0);
    expect(line.length).toBeGreaterThan(0);
    expect(fan.filter((id) => line.includes(id))).toEqual([]);
    expect(idsOf(fanChart(FAN))).toEqual(fan);
  });

  it("are referenced only where defined", () => {
    const svg = lineChart(LINES);
    const defined = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(defined.has(m[1])).toBe(true);
  });
});

describe("sizes", () => {
  it("uses the given size and falls back to the default for unusable ones", () => {
    expect(fanChart(FAN, { width: 400, height: 250 })).toContain('viewBox="0 0 400 250"');
    expect(fanChart(FAN, { width: Number.NaN, height: 0 })).toContain('viewBox="0 0 720 360"');
  });
});
