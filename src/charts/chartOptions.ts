// Option parts every chart shares, styled for light and dark pages: title, plot area, value
// and category axes labelled in the project's units, marker lines, and the "no data" picture.

import type { XAXisComponentOption, YAXisComponentOption } from "echarts";
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
} from "echarts/components";
import { axisLabel } from "./axisLabel.js";
import type { Marker, ValueUnit } from "./chartTypes.js";
import type { LegendLayout } from "./legendLayout.js";
import { INK } from "./palette.js";
import type { ChartOption } from "./renderChart.js";

/** The font of every text in a chart. */
export const FONT = "system-ui, sans-serif";

/** A value or category axis option that serves as an x axis or a y axis alike. */
export type AxisOption = XAXisComponentOption & YAXisComponentOption;

/** The chart's title, top left, cut short with an ellipsis if wider than a chart `width` wide. */
export function titleOption(title: string, width: number): TitleComponentOption {
  return {
    text: title,
    left: 8,
    top: 6,
    textStyle: {
      color: INK.title,
      fontSize: 15,
      fontWeight: "bold",
      fontFamily: FONT,
      width: Math.max(40, width - 24),
      overflow: "truncate",
    },
  };
}

/** The plot area: margins that leave room for the title and for `legend`, if any, below. */
export function gridOption(legend?: LegendLayout): GridComponentOption {
  return {
    left: 12,
    right: 28,
    top: 52,
    bottom: legend === undefined ? 12 : legend.height + 14,
    outerBoundsMode: "same",
    outerBoundsContain: "all",
  };
}

/** The style of axis lines and ticks. */
const AXIS_LINE = { lineStyle: { color: INK.axis } };

/** A value axis whose labels read in `unit`; `name` titles it. */
export function valueAxis(unit: ValueUnit, name?: string): AxisOption {
  return {
    type: "value",
    name,
    nameLocation: "middle",
    nameGap: 44,
    nameTextStyle: { color: INK.text, fontFamily: FONT },
    axisLabel: {
      color: INK.text,
      fontFamily: FONT,
      formatter: (value: number) => axisLabel(value, unit),
    },
    axisLine: { show: true, ...AXIS_LINE },
    axisTick: { show: true, ...AXIS_LINE },
    splitLine: { lineStyle: { color: INK.grid, opacity: 0.35 } },
  };
}

/**
 * How a category axis is drawn: `name` titles it, `boundaryGap: false` puts points on the edges
 * rather than in the middle of bands, `rotate` slants the labels (degrees).
 */
export interface CategoryAxisStyle {
  readonly name?: string;
  readonly boundaryGap?: boolean;
  readonly rotate?: number;
}

/** A category axis over `labels`. */
export function categoryAxis(labels: readonly string[], style: CategoryAxisStyle = {}): AxisOption {
  return {
    type: "category",
    data: [...labels],
    name: style.name,
    boundaryGap: style.boundaryGap ?? true,
    nameLocation: "middle",
    nameTextStyle: { color: INK.text, fontFamily: FONT },
    nameGap: style.rotate ? 58 : 30,
    axisLabel: { color: INK.text, fontFamily: FONT, rotate: style.rotate ?? 0 },
    axisLine: AXIS_LINE,
    axisTick: { alignWithLabel: true, ...AXIS_LINE },
  };
}

/** The markers at each of `labels` that has any, in the order of `labels`, texts joined. */
function markersByLabel(markers: readonly Marker[], labels: readonly string[]): Marker[] {
  return labels.flatMap((at, i) => {
    if (labels.indexOf(at) !== i) return [];
    const texts = markers.filter((m) => m.at === at).map((m) => m.text);
    return texts.length === 0 ? [] : [{ at, text: texts.join(", ") }];
  });
}

/**
 * Dashed vertical lines at the markers whose `at` is one of `labels` (markers at the same label
 * share a line and a caption), captioned along the line, alternately left and right of it so
 * that markers at neighbouring labels do not overwrite each other's captions.
 */
export function markerLines(
  markers: readonly Marker[] | undefined,
  labels: readonly string[],
): MarkLineComponentOption | undefined {
  const shown = markersByLabel(markers ?? [], labels);
  if (shown.length === 0) return undefined;
  return {
    symbol: "none",
    silent: true,
    lineStyle: { color: INK.marker, type: "dashed", width: 1 },
    label: { color: INK.text, fontFamily: FONT, textBorderWidth: 0 },
    data: shown.map((m, i) => ({
      xAxis: m.at,
      label: {
        position: i % 2 === 0 ? "insideEndTop" : "insideEndBottom",
        formatter: () => m.text,
      },
    })),
  };
}

/** The option of a chart with nothing to show: its title and a centred "No data" note. */
export function noDataOption(title: string, width: number): ChartOption {
  return {
    title: [
      titleOption(title, width),
      {
        text: "No data",
        left: "center",
        top: "middle",
        textStyle: { color: INK.text, fontSize: 14, fontWeight: "normal", fontFamily: FONT },
      },
    ],
  };
}
