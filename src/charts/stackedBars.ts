// Stacked bars per category, such as a company's revenue per year split by where the money
// came from; negative parts stack downwards from zero.

import type { BarSeriesOption } from "echarts/charts";
import { finiteOrNull, hasData } from "./chartData.js";
import { categoryAxis, gridOption, noDataOption, titleOption, valueAxis } from "./chartOptions.js";
import type { ChartSize, ValueUnit } from "./chartTypes.js";
import { legendLayout } from "./legendLayout.js";
import { seriesColor } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

/** What a stacked bar chart shows: per series, one value per category. */
export interface StackedBarsData {
  readonly title: string;
  readonly unit: ValueUnit;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/** Renders the stacked bar chart of `data` as an SVG string. */
export function stackedBars(data: StackedBarsData, size?: ChartSize): string {
  const box = chartSize(size);
  const count = data.categories.length;
  if (count === 0 || !hasData(data.series.flatMap((s) => s.values.slice(0, count)))) {
    return renderChart("stacked", data.title, noDataOption(data.title, box.width), box);
  }
  const series: BarSeriesOption[] = data.series.map((s, i) => ({
    type: "bar",
    name: s.name,
    stack: "total",
    data: Array.from({ length: count }, (_, c) => finiteOrNull(s.values[c] ?? Number.NaN)),
    color: seriesColor(i),
    barMaxWidth: 48,
  }));
  const legend = legendLayout(
    data.series.map((s) => s.name),
    box.width,
  );
  return renderChart(
    "stacked",
    data.title,
    {
      title: titleOption(data.title, box.width),
      grid: gridOption(legend),
      legend: legend.option,
      xAxis: categoryAxis(data.categories),
      yAxis: valueAxis(data.unit),
      series,
    },
    box,
  );
}
