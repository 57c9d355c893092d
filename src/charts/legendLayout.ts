// The legend along a chart's bottom edge, broken into rows here (not by ECharts) so that the plot
// area can leave exactly the room the rows take, however many series there are.

import type { LegendComponentOption } from "echarts/components";
import { FONT } from "./chartOptions.js";
import { INK } from "./palette.js";
import { measureText } from "./textWidth.js";

const ICON_WIDTH = 14;
const ICON_HEIGHT = 8;
const ICON_TEXT_GAP = 5;
/** The gap between items of a row, and between rows. */
const GAP = 16;
const LINE_HEIGHT = 14;
const BOTTOM = 6;
const FONT_SIZE = 12;

/** A legend option and the height it takes above the chart's bottom edge. */
export interface LegendLayout {
  readonly option: LegendComponentOption;
  readonly height: number;
}

/** `names` split greedily into rows that fit in `width` pixels. */
export function legendRows(names: readonly string[], width: number): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let x = 0;
  for (const name of names) {
    const item =
      ICON_WIDTH + ICON_TEXT_GAP + measureText(name, `${FONT_SIZE}px ${FONT}`).width + GAP;
    if (row.length > 0 && x + item - GAP > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push(name);
    x += item;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** A legend listing `names` along the bottom of a chart `width` pixels wide. */
export function legendLayout(names: readonly string[], width: number): LegendLayout {
  const rows = legendRows(names, width - 40);
  return {
    option: {
      // An empty name is ECharts' line break between rows.
      data: rows.flatMap((row, i) => (i === 0 ? row : ["", ...row])),
      bottom: BOTTOM,
      icon: "roundRect",
      itemWidth: ICON_WIDTH,
      itemHeight: ICON_HEIGHT,
      itemGap: GAP,
      textStyle: { color: INK.text, fontFamily: FONT, fontSize: FONT_SIZE },
    },
    height: BOTTOM + rows.length * LINE_HEIGHT + (rows.length - 1) * GAP,
  };
}
