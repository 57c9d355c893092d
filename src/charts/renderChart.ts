// The one place that talks to ECharts: registers the chart kinds and components this folder uses
// and a font-independent text measure, renders an option to an SVG string with the server-side
// SVG renderer, and always disposes.

import {
  BarChart,
  type BarSeriesOption,
  GraphChart,
  type GraphSeriesOption,
  LineChart,
  type LineSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TitleComponent,
  type TitleComponentOption,
} from "echarts/components";
import { type ComposeOption, init, setPlatformAPI, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { type ChartSize, DEFAULT_SIZE } from "./chartTypes.js";
import { finishSvg } from "./finishSvg.js";
import { measureText } from "./textWidth.js";

use([
  BarChart,
  GraphChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);
// Text widths by estimate, never by a canvas: the same layout wherever the charts are drawn.
setPlatformAPI({ measureText });

/** An ECharts option made of the parts registered here. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GraphSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
>;

/** `x` when it is a usable pixel length, else `fallback`. */
function pixels(x: number, fallback: number): number {
  return Number.isFinite(x) && x >= 1 ? Math.round(x) : fallback;
}

/** `size` in whole pixels, DEFAULT_SIZE's width or height standing in for unusable ones. */
export function chartSize(size: ChartSize = DEFAULT_SIZE): ChartSize {
  return {
    width: pixels(size.width, DEFAULT_SIZE.width),
    height: pixels(size.height, DEFAULT_SIZE.height),
  };
}

/**
 * Renders `option` as a static SVG of `size` (animation off, transparent background), finished
 * by finishSvg as a chart of `kind` titled `title`.
 */
export function renderChart(
  kind: string,
  title: string,
  option: ChartOption,
  size: ChartSize = DEFAULT_SIZE,
): string {
  const { width, height } = chartSize(size);
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: "transparent" });
    return finishSvg(chart.renderToSVGString(), kind, title);
  } finally {
    chart.dispose();
  }
}
