// The shapes shared by every chart: the unit a value axis shows, the picture's size, a quantile
// band at one x label, and a labelled vertical marker.

import type { Band } from "../sample/summarize.js";

/** What a chart's values measure; decides how axis labels read (`$1.2T`, `45%`, `700M`, `4.5 GW`). */
export type ValueUnit = "money" | "percent" | "count" | "watts";

/** A chart's size in CSS pixels (the SVG also carries a matching `viewBox`, so it scales). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Quantiles of one quantity at one x label. */
export type { Band };

/** A vertical line at x label `at` (one of the chart's labels), captioned `text`. */
export interface Marker {
  readonly at: string;
  readonly text: string;
}

/** The size used when a chart is rendered without one. */
export const DEFAULT_SIZE: ChartSize = { width: 720, height: 360 };
