// The histogram: one bar per bin, heights as shares of the samples (shown as percent) or as
// counts. binSamples turns raw samples into bins.

import { hasData } from "./chartData.js";
import { categoryAxis, gridOption, noDataOption, titleOption, valueAxis } from "./chartOptions.js";
import type { ChartSize } from "./chartTypes.js";
import { seriesColor } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

export { binSamples } from "./binSamples.js";

/** What a histogram shows: labelled bins whose values are shares (0..1) or counts. */
export interface HistogramData {
  readonly title: string;
  readonly xTitle: string;
  readonly bins: readonly { readonly label: string; readonly value: number }[];
  readonly valueIs: "share" | "count";
}

/** Above this many bins the bin labels are slanted so that more of them fit. */
const ROTATE_ABOVE = 6;

/** Renders the histogram of `data` as an SVG string. */
export function histogram(data: HistogramData, size?: ChartSize): string {
  const box = chartSize(size);
  if (!hasData(data.bins.map((b) => b.value))) {
    return renderChart("histogram", data.title, noDataOption(data.title, box.width), box);
  }
  const unit = data.valueIs === "share" ? "percent" : "count";
  return renderChart(
    "histogram",
    data.title,
    {
      title: titleOption(data.title, box.width),
      grid: gridOption(),
      xAxis: categoryAxis(
        data.bins.map((b) => b.label),
        { name: data.xTitle, rotate: data.bins.length > ROTATE_ABOVE ? 30 : 0 },
      ),
      yAxis: valueAxis(unit),
      series: [
        {
          type: "bar",
          name: data.xTitle,
          data: data.bins.map((b) => (Number.isFinite(b.value) ? b.value : 0)),
          color: seriesColor(0),
          barCategoryGap: "8%",
        },
      ],
    },
    box,
  );
}
