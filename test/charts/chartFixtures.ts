// Sample data for the chart tests and small readers of the rendered SVG (texts, tag balance).

import type { FanChartData } from "../../src/charts/fanChart.js";
import type { LineChartData } from "../../src/charts/lineChart.js";
import type { LoopData } from "../../src/charts/loopDiagram.js";
import type { StackedBarsData } from "../../src/charts/stackedBars.js";
import type { TornadoData } from "../../src/charts/tornadoChart.js";

/** Six years of x labels. */
export const YEARS = ["2025", "2026", "2027", "2028", "2029", "2030"];

/** A widening money fan that starts below zero, with a default marked in 2028. */
export const FAN: FanChartData = {
  title: "OpenAI cash",
  unit: "money",
  labels: YEARS,
  bands: YEARS.map((_, i) => ({
    p5: -0.2e12 + i * 0.1e12,
    p25: 0.1e12 + i * 0.2e12,
    p50: 0.3e12 + i * 0.25e12,
    p75: 0.5e12 + i * 0.3e12,
    p95: 0.8e12 + i * 0.45e12,
  })),
  markers: [{ at: "2028", text: "OpenAI defaults" }],
};

/** A banded line against a plain one, with a marker. */
export const LINES: LineChartData = {
  title: "GPU reserve vs gold",
  unit: "money",
  labels: YEARS,
  series: [
    {
      name: "GPU reserve",
      values: [1, 2, 3, 3.5, 3.2, 4].map((x) => x * 1e11),
      band: {
        low: [0.8, 1.5, 2, 2.2, 1.9, 2.5].map((x) => x * 1e11),
        high: [1.2, 2.5, 4, 4.8, 4.9, 6].map((x) => x * 1e11),
      },
    },
    { name: "Gold", values: [2, 2.1, 2.2, 2.3, 2.4, 2.5].map((x) => x * 1e11) },
  ],
  markers: [{ at: "2027", text: "bust" }],
};

/** Revenue by origin, with a negative part. */
export const STACKED: StackedBarsData = {
  title: "Revenue by origin",
  unit: "money",
  categories: YEARS,
  series: [
    { name: "End customers", values: [10, 20, 30, 40, 50, 60].map((x) => x * 1e9) },
    { name: "Investors", values: [20, 25, 30, 20, 10, 5].map((x) => x * 1e9) },
    { name: "Lenders", values: [5, 10, 15, 20, 25, 30].map((x) => x * 1e9) },
    { name: "Own money returning", values: [-5, -8, -10, -3, 0, 2].map((x) => x * 1e9) },
    { name: "Loop partners", values: [15, 18, 22, 25, 20, 10].map((x) => x * 1e9) },
  ],
};

/** Four inputs, given narrowest first; one has both ends above the base. */
export const TORNADO: TornadoData = {
  title: "What moves the 2030 loss",
  unit: "money",
  base: 1.2e12,
  rows: [
    { name: "Power price", low: 1.25e12, high: 1.28e12 },
    { name: "Interest rate", low: 1.15e12, high: 1.3e12 },
    { name: "GPU life", low: 1.0e12, high: 1.5e12 },
    { name: "End-customer growth", low: 1.5e12, high: 0.7e12 },
  ],
};

/** A loop Nvidia → OpenAI → Oracle → Nvidia, a two-way pair, and outside money. */
export const LOOP: LoopData = {
  title: "The money loop, 2027",
  nodes: [
    { id: "nv", label: "Nvidia", kind: "company" },
    { id: "oa", label: "OpenAI", kind: "company" },
    { id: "or", label: "Oracle", kind: "company" },
    { id: "ms", label: "Microsoft", kind: "company" },
    { id: "hh", label: "Households", kind: "sector" },
    { id: "ln", label: "Lenders", kind: "sector" },
  ],
  edges: [
    { from: "nv", to: "oa", amount: 100e9, inCycle: true },
    { from: "oa", to: "or", amount: 60e9, inCycle: true },
    { from: "or", to: "nv", amount: 40e9, inCycle: true },
    { from: "oa", to: "ms", amount: 20e9, inCycle: true },
    { from: "ms", to: "oa", amount: 13e9, inCycle: true, label: "$13B/yr" },
    { from: "hh", to: "oa", amount: 12e9, inCycle: false },
    { from: "ln", to: "or", amount: 38e9, inCycle: false },
    { from: "ms", to: "nv", amount: 30e9, inCycle: false },
  ],
};

/** The texts shown, in document order, entities left as written. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
}

/** The vertical position (`translate(x y)`) of the first text that reads `text`. */
export function textY(svg: string, text: string): number {
  const tag = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)].find((m) => m[2] === text);
  const y = /translate\([-\d.]+ ([-\d.]+)\)/.exec(tag?.[1] ?? "")?.[1];
  if (y === undefined) throw new Error(`no text ${text}`);
  return Number(y);
}

/** True when every element is closed in order (the SVG is well nested). */
export function wellNested(svg: string): boolean {
  const open: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing === "/") continue;
    if (closing === "/") {
      if (open.pop() !== name) return false;
    } else open.push(name ?? "");
  }
  return open.length === 0;
}
