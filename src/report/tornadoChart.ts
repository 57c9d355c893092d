// A tornado chart drawn with block characters: one bar per input around the output's median.

import type { TornadoBar } from "../analysis/tornado.js";

/** Cells on each side of the axis. */
const HALF = 20;

/** Swings smaller than this share of the median are rounding, not sensitivity: no bar. */
const NEGLIGIBLE = 1e-9;

/**
 * Bars for `bars`, each `HALF` cells either side of a vertical axis at `base` (the output with
 * every input at its median): the part below the median to the left, above it to the right.
 * Swings that are a rounding error of the median (under 1e-9 of it) draw no bar.
 *
 * @example tornadoBars(bars, -12.7e9) // ["      ████│██████", …]
 */
export function tornadoBars(bars: readonly TornadoBar[], base: number): string[] {
  const reach = Math.max(
    ...bars.map((b) =>
      Math.max(
        base - Math.min(b.outputAtLow, b.outputAtHigh),
        Math.max(b.outputAtLow, b.outputAtHigh) - base,
      ),
    ),
    Number.MIN_VALUE,
    Math.abs(base) * NEGLIGIBLE,
  );
  return bars.map((b) => {
    const lo = Math.min(b.outputAtLow, b.outputAtHigh);
    const hi = Math.max(b.outputAtLow, b.outputAtHigh);
    const left = Math.round((Math.max(0, base - lo) / reach) * HALF);
    const right = Math.round((Math.max(0, hi - base) / reach) * HALF);
    return `${" ".repeat(HALF - left)}${"█".repeat(left)}│${"█".repeat(right)}${" ".repeat(HALF - right)}`;
  });
}
