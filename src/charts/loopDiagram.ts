// The money loop: companies and outside sectors as nodes on a circle, payments as arrows whose
// width is proportional to the money per year, arrows that belong to a cycle highlighted, and
// opposite arrows between the same two nodes curved apart so both show.

import type { GraphSeriesOption } from "echarts/charts";
import { axisLabel } from "./axisLabel.js";
import { hasData } from "./chartData.js";
import { FONT, noDataOption, titleOption } from "./chartOptions.js";
import type { ChartSize } from "./chartTypes.js";
import { CYCLE_COLOR, INK, seriesColor } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

/** A party of the loop: an AI company, or an outside sector (households, lenders, …). */
export interface LoopNode {
  readonly id: string;
  readonly label: string;
  readonly kind: "company" | "sector";
}

/** Money flowing from `from` to `to`, per year; `label` replaces the amount as the caption. */
export interface LoopEdge {
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly label?: string;
  readonly inCycle: boolean;
}

/** What a loop diagram shows. */
export interface LoopData {
  readonly title: string;
  readonly nodes: readonly LoopNode[];
  readonly edges: readonly LoopEdge[];
}

/** The width of the arrow carrying the largest amount; the others are proportionally thinner. */
export const MAX_EDGE_WIDTH = 14;
const MIN_EDGE_WIDTH = 1;
const PAIR_CURVENESS = 0.3;
const SINGLE_CURVENESS = 0.15;
const NOTE =
  "Circles: companies; boxes: outside sectors. Arrows: money per year, width to scale; red: part of a loop";
/** Room above the circle (title and note), below it, and left and right of it (node labels). */
const TOP = 96;
const BOTTOM = 36;
const SIDE = 150;

type NodeItem = NonNullable<GraphSeriesOption["data"]>[number];
type LinkItem = NonNullable<GraphSeriesOption["links"]>[number];
type LabelPosition = "top" | "bottom" | "left" | "right";

/** Where the label of a node at angle (`x`, `y`) from the centre goes: away from the circle. */
function labelPosition(x: number, y: number): LabelPosition {
  if (Math.abs(x) > Math.abs(y) / 2) return x > 0 ? "right" : "left";
  return y > 0 ? "bottom" : "top";
}

/** The radius of the circle of nodes in a chart of size `box`, leaving room for title and labels. */
function circleRadius(box: ChartSize): number {
  return Math.max(20, Math.min(box.height - TOP - BOTTOM, box.width - 2 * SIDE) / 2);
}

/** A node and its position relative to the circle's centre, in pixels. */
interface Placed {
  readonly node: LoopNode;
  readonly x: number;
  readonly y: number;
}

/** The nodes (first of each id), clockwise from the top of a circle of `radius` pixels. */
function place(nodes: readonly LoopNode[], radius: number): Placed[] {
  const unique = nodes.filter((n, i) => nodes.findIndex((m) => m.id === n.id) === i);
  return unique.map((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / unique.length;
    const x = Math.round(Math.cos(angle) * radius * 100) / 100;
    const y = Math.round(Math.sin(angle) * radius * 100) / 100;
    return { node, x, y };
  });
}

/** The graph's node items: companies as circles, sectors as rounded boxes, labels outside. */
function nodeItems(placed: readonly Placed[]): NodeItem[] {
  return placed.map(({ node, x, y }) => {
    const company = node.kind === "company";
    return {
      id: node.id,
      name: node.label,
      x,
      y,
      symbol: company ? "circle" : "roundRect",
      symbolSize: company ? 40 : [44, 28],
      itemStyle: { color: company ? seriesColor(0) : seriesColor(4) },
      label: { position: labelPosition(x, y) },
    };
  });
}

/** The start and length of `values`' range, widened to 2 when it is a point (as ECharts does). */
function extent(values: readonly number[]): { start: number; length: number } {
  const start = Math.min(...values);
  const length = Math.max(...values) - start;
  return length === 0 ? { start: start - 1, length: 2 } : { start, length };
}

/**
 * The series box: exactly the nodes' bounding box around the centre of the free area, so that
 * ECharts maps positions one to one (it stretches the bounding box to fill the series box).
 */
function seriesBox(
  placed: readonly Placed[],
  box: ChartSize,
): { left: number; top: number; width: number; height: number } {
  const x = extent(placed.map((p) => p.x));
  const y = extent(placed.map((p) => p.y));
  const centreY = TOP + (box.height - TOP - BOTTOM) / 2;
  return {
    left: box.width / 2 + x.start,
    top: centreY + y.start,
    width: x.length,
    height: y.length,
  };
}

/** The drawable edges: both ends known, not a self-loop, a positive finite amount. */
function drawableEdges(edges: readonly LoopEdge[], ids: ReadonlySet<string>): LoopEdge[] {
  return edges.filter(
    (e) =>
      ids.has(e.from) &&
      ids.has(e.to) &&
      e.from !== e.to &&
      Number.isFinite(e.amount) &&
      e.amount > 0,
  );
}

/** The links: width proportional to the amount, red in a cycle, opposite pairs curved apart. */
function linkItems(edges: readonly LoopEdge[]): LinkItem[] {
  const largest = Math.max(...edges.map((e) => e.amount));
  const keys = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
  return edges.map((edge) => {
    const width = Math.max(MIN_EDGE_WIDTH, (MAX_EDGE_WIDTH * edge.amount) / largest);
    const paired = keys.has(`${edge.to}\u0000${edge.from}`);
    const caption = edge.label ?? axisLabel(edge.amount, "money");
    return {
      source: edge.from,
      target: edge.to,
      value: edge.amount,
      symbolSize: [0, 8 + width],
      lineStyle: {
        width,
        color: edge.inCycle ? CYCLE_COLOR : INK.edge,
        curveness: paired ? PAIR_CURVENESS : SINGLE_CURVENESS,
        opacity: 0.85,
      },
      label: { formatter: () => caption },
    };
  });
}

/** Renders the loop diagram of `data` as an SVG string. */
export function loopDiagram(data: LoopData, size?: ChartSize): string {
  const box = chartSize(size);
  const placed = place(data.nodes, circleRadius(box));
  const ids = new Set(data.nodes.map((n) => n.id));
  const edges = drawableEdges(data.edges, ids);
  if (!hasData(edges.map((e) => e.amount))) {
    return renderChart("loop", data.title, noDataOption(data.title, box.width), box);
  }
  const graph: GraphSeriesOption = {
    type: "graph",
    layout: "none",
    silent: true,
    ...seriesBox(placed, box),
    data: nodeItems(placed),
    links: linkItems(edges),
    edgeSymbol: ["none", "arrow"],
    label: { show: true, color: INK.text, fontFamily: FONT, fontSize: 12, textBorderWidth: 0 },
    edgeLabel: {
      show: true,
      color: INK.text,
      fontFamily: FONT,
      fontSize: 11,
      textBorderWidth: 0,
    },
  };
  return renderChart(
    "loop",
    data.title,
    {
      title: {
        ...titleOption(data.title, box.width),
        subtext: NOTE,
        subtextStyle: {
          color: INK.text,
          fontFamily: FONT,
          fontSize: 11,
          width: Math.max(40, box.width - 24),
          overflow: "truncate",
        },
      },
      series: [graph],
    },
    box,
  );
}
