// The tornado chart: for each uncertain input, the output with that input at its p10 and at its
// p90, drawn as horizontal bars from the base value; the widest swing is on top.

import type { BarSeriesOption } from "echarts/charts";
import type { MarkLineComponentOption } from "echarts/components";
import { axisLabel } from "./axisLabel.js";
import { hasData } from "./chartData.js";
import {
  categoryAxis,
  FONT,
  gridOption,
  noDataOption,
  titleOption,
  valueAxis,
} from "./chartOptions.js";
import type { ChartSize, ValueUnit } from "./chartTypes.js";
import { legendLayout } from "./legendLayout.js";
import { INK, seriesColor } from "./palette.js";
import { chartSize, renderChart } from "./renderChart.js";

/** One input's effect: the output with the input at its p10 (`low`) and at its p90 (`high`). */
export interface TornadoRow {
  readonly name: string;
  readonly low: number;
  readonly high: number;
}

/** What a tornado chart shows: the output's `base` value and one row per input. */
export interface TornadoData {
  readonly title: string;
  readonly unit: ValueUnit;
  readonly base: number;
  readonly rows: readonly TornadoRow[];
}

const AT_P10 = "input at p10";
const AT_P90 = "input at p90";

/** The rows with finite numbers, widest swing first (ties keep their order). */
function sortedRows(rows: readonly TornadoRow[]): TornadoRow[] {
  return rows
    .filter((r) => Number.isFinite(r.low) && Number.isFinite(r.high))
    .map((row, index) => ({ row, index, swing: Math.abs(row.high - row.low) }))
    .sort((a, b) => b.swing - a.swing || a.index - b.index)
    .map((r) => r.row);
}

/** Which end of a row a bar series draws. */
type End = "low" | "high";

/**
 * Where the bar of a row's `end` starts, and whether its value label shows. Bars start at the
 * base; when both ends lie on the same side of it, the farther bar starts where the nearer ends
 * (so neither hides the other) and only the farther one is labelled.
 */
function span(row: TornadoRow, end: End, base: number): { from: number; labelled: boolean } {
  const value = row[end];
  const other = end === "low" ? row.high : row.low;
  const sameSide = (value - base) * (other - base) > 0;
  const distance = Math.abs(value - base);
  const otherDistance = Math.abs(other - base);
  const farther = distance > otherDistance || (distance === otherDistance && end === "high");
  return { from: sameSide && farther ? other : base, labelled: !sameSide || farther };
}

/**
 * The bars of every row's `end`: an invisible offset bar up to the bar's start and the visible
 * bar stacked on it, labelled with its value at the outer end.
 */
function barSeries(
  name: string,
  rows: readonly TornadoRow[],
  end: End,
  base: number,
  color: string,
  unit: ValueUnit,
): BarSeriesOption[] {
  const common: BarSeriesOption = {
    type: "bar",
    stack: name,
    stackStrategy: "all",
    barWidth: "60%",
    barGap: "-100%",
  };
  const spans = rows.map((row) => ({ row, value: row[end], ...span(row, end, base) }));
  return [
    {
      ...common,
      name: `${name} offset`,
      silent: true,
      itemStyle: { opacity: 0 },
      data: spans.map((s) => Math.min(s.from, s.value)),
    },
    {
      ...common,
      name,
      color,
      data: spans.map((s) => ({
        value: Math.abs(s.value - s.from),
        label: {
          show: s.labelled,
          position: s.value < base ? "left" : "right",
          formatter: () => axisLabel(s.value, unit),
        },
      })),
      label: { color: INK.text, fontFamily: FONT, fontSize: 11, textBorderWidth: 0 },
    },
  ];
}

/** The vertical line at the base value, captioned at the top. */
function baseLine(base: number, unit: ValueUnit): MarkLineComponentOption {
  return {
    symbol: "none",
    silent: true,
    lineStyle: { color: INK.marker, type: "solid", width: 1 },
    label: { color: INK.text, fontFamily: FONT, position: "start", textBorderWidth: 0 },
    data: [{ xAxis: base, label: { formatter: () => `base ${axisLabel(base, unit)}` } }],
  };
}

/** Renders the tornado chart of `data` as an SVG string. */
export function tornadoChart(data: TornadoData, size?: ChartSize): string {
  const box = chartSize(size);
  const rows = sortedRows(data.rows);
  const swings = rows.flatMap((r) => [r.low - data.base, r.high - data.base]);
  if (!Number.isFinite(data.base) || !hasData(swings)) {
    return renderChart("tornado", data.title, noDataOption(data.title, box.width), box);
  }
  const legend = legendLayout([AT_P10, AT_P90], box.width);
  return renderChart(
    "tornado",
    data.title,
    {
      title: titleOption(data.title, box.width),
      grid: gridOption(legend),
      legend: legend.option,
      xAxis: { ...valueAxis(data.unit), scale: true },
      yAxis: { ...categoryAxis(rows.map((r) => r.name)), inverse: true },
      series: [
        ...barSeries(AT_P10, rows, "low", data.base, seriesColor(0), data.unit),
        ...barSeries(AT_P90, rows, "high", data.base, seriesColor(1), data.unit),
        { type: "line", data: [], markLine: baseLine(data.base, data.unit) },
      ],
    },
    box,
  );
}
