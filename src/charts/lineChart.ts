// The line chart: several lines over the same x labels, each with an optional shaded low–high
// band in its own colour, and dashed vertical markers (GPU reserve vs gold, revenue vs required).

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
import type { ChartSize, Marker, ValueUnit } from "./chartTypes.js";
import { legendLayout } from "./legendLayout.js";
import { seriesColor, withAlpha } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

/** One line; `band` shades the range from `low` to `high` around it. */
export interface LineSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly band?: { readonly low: readonly number[]; readonly high: readonly number[] };
}

/** What a line chart shows: lines over `labels`, and optional markers. */
export interface LineChartData {
  readonly title: string;
  readonly unit: ValueUnit;
  readonly labels: readonly string[];
  readonly series: readonly LineSeries[];
  readonly markers?: readonly Marker[];
}

/** The first `count` values, missing ones and non-finite ones as gaps. */
function points(values: readonly number[], count: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => finiteOrNull(values[i] ?? Number.NaN));
}

/** The shaded band of line `index`: an invisible lower edge plus a stacked area up to `high`. */
function bandSeries(line: LineSeries, index: number, count: number): LineSeriesOption[] {
  if (line.band === undefined) return [];
  const low = points(line.band.low, count);
  const high = points(line.band.high, count);
  const common: LineSeriesOption = {
    type: "line",
    stack: `band ${index}`,
    stackStrategy: "all",
    symbol: "none",
    silent: true,
    lineStyle: { opacity: 0 },
    color: withAlpha(seriesColor(index), 0.2),
  };
  const height = low.map((l, i) => {
    const h = high[i];
    return l === null || h === null || h === undefined ? null : h - l;
  });
  return [
    { ...common, name: `${line.name} low`, data: low },
    { ...common, name: `${line.name} range`, data: height, areaStyle: { opacity: 1 } },
  ];
}

/** Renders the line chart of `data` as an SVG string. */
export function lineChart(data: LineChartData, size?: ChartSize): string {
  const box = chartSize(size);
  const count = data.labels.length;
  const values = data.series.flatMap((s) => s.values.slice(0, count));
  if (count === 0 || !hasData(values)) {
    return renderChart("line", data.title, noDataOption(data.title, box.width), box);
  }
  const lines: LineSeriesOption[] = data.series.map((line, i) => ({
    type: "line",
    name: line.name,
    data: points(line.values, count),
    symbol: "none",
    color: seriesColor(i),
    lineStyle: { width: 2 },
    markLine: i === 0 ? markerLines(data.markers, data.labels) : undefined,
  }));
  const legend = legendLayout(
    data.series.map((s) => s.name),
    box.width,
  );
  return renderChart(
    "line",
    data.title,
    {
      title: titleOption(data.title, box.width),
      grid: gridOption(legend),
      legend: legend.option,
      xAxis: categoryAxis(data.labels, { boundaryGap: false }),
      yAxis: valueAxis(data.unit),
      series: [...data.series.flatMap((line, i) => bandSeries(line, i, count)), ...lines],
    },
    box,
  );
}
