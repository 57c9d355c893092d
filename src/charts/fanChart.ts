// The fan chart: quantiles of one quantity over time, a light p5–p95 band, a darker p25–p75
// band, the median line, and dashed vertical markers for events such as a default.

import type { LineSeriesOption } from "echarts/charts";
import { finiteOrNull, hasData } from "./chartData.js";
import {
  categoryAxis,
  gridOption,
  markerLines,
  noDataOption,
  titleOption,
  valueAxis,
} from "./chartOptions.js";
import type { Band, ChartSize, Marker, ValueUnit } from "./chartTypes.js";
import { legendLayout } from "./legendLayout.js";
import { seriesColor, withAlpha } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

/** What a fan chart shows: one Band per x label. */
export interface FanChartData {
  readonly title: string;
  readonly unit: ValueUnit;
  readonly labels: readonly string[];
  readonly bands: readonly Band[];
  readonly markers?: readonly Marker[];
}

const OUTER = "5–95%";
const INNER = "25–75%";
const MEDIAN = "median";

/** `top − bottom` per band (the height a stacked area adds), or `null` where either is missing. */
function spread(bands: readonly Band[], bottom: keyof Band, top: keyof Band): (number | null)[] {
  return bands.map((b) => {
    const low = finiteOrNull(b[bottom]);
    const high = finiteOrNull(b[top]);
    return low === null || high === null ? null : high - low;
  });
}

/** A shaded band from quantile `bottom` to `top`: an invisible base line plus a stacked area. */
function bandSeries(
  name: string,
  bands: readonly Band[],
  bottom: keyof Band,
  top: keyof Band,
  alpha: number,
): LineSeriesOption[] {
  const common: LineSeriesOption = {
    type: "line",
    stack: name,
    stackStrategy: "all",
    symbol: "none",
    silent: true,
    lineStyle: { opacity: 0 },
    color: withAlpha(seriesColor(0), alpha),
  };
  return [
    { ...common, name: `${name} base`, data: bands.map((b) => finiteOrNull(b[bottom])) },
    { ...common, name, data: spread(bands, bottom, top), areaStyle: { opacity: 1 } },
  ];
}

/** Renders the fan chart of `data` as an SVG string. */
export function fanChart(data: FanChartData, size?: ChartSize): string {
  const box = chartSize(size);
  const count = Math.min(data.labels.length, data.bands.length);
  const labels = data.labels.slice(0, count);
  const bands = data.bands.slice(0, count);
  if (!hasData(bands.flatMap((b) => [b.p5, b.p25, b.p50, b.p75, b.p95]))) {
    return renderChart("fan", data.title, noDataOption(data.title, box.width), box);
  }
  const median: LineSeriesOption = {
    type: "line",
    name: MEDIAN,
    data: bands.map((b) => finiteOrNull(b.p50)),
    symbol: "none",
    color: seriesColor(0),
    lineStyle: { width: 2 },
    markLine: markerLines(data.markers, labels),
  };
  const legend = legendLayout([OUTER, INNER, MEDIAN], box.width);
  return renderChart(
    "fan",
    data.title,
    {
      title: titleOption(data.title, box.width),
      grid: gridOption(legend),
      legend: legend.option,
      xAxis: categoryAxis(labels, { boundaryGap: false }),
      yAxis: valueAxis(data.unit),
      series: [
        ...bandSeries(OUTER, bands, "p5", "p95", 0.22),
        ...bandSeries(INNER, bands, "p25", "p75", 0.45),
        median,
      ],
    },
    box,
  );
}
