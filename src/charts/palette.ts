// Colours that read on white paper and on a near-black screen: mid-luminance series colours, and
// one distinct "ink" colour per chart role, which finishSvg turns into CSS class hooks.

/** Series colours, in order of use: mid-luminance, so each reads on light and dark backgrounds. */
export const SERIES_COLORS: readonly string[] = [
  "#3b82f6",
  "#f59e0b",
  "#10b981",
  "#ef4444",
  "#8b5cf6",
  "#ec4899",
  "#14b8a6",
  "#84cc16",
  "#06b6d4",
  "#f97316",
  "#d946ef",
  "#eab308",
];

/** The colour of series `index`, cycling through SERIES_COLORS. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? "#3b82f6";
}

/**
 * Neutral colours by role. Each is a distinct mid grey (readable on both backgrounds) so that
 * finishSvg can recognise the role of an element by its colour and add the class in INK_CLASSES.
 */
export const INK = {
  title: "#7a7f88",
  text: "#7b8089",
  axis: "#8a8f98",
  grid: "#8b9099",
  marker: "#8c919a",
  edge: "#8d929b",
} as const;

/** The CSS class finishSvg gives an element drawn in each INK colour (lower-case hex). */
export const INK_CLASSES: Readonly<Record<string, string>> = {
  [INK.title]: "chart-title",
  [INK.text]: "chart-text",
  [INK.axis]: "chart-axis",
  [INK.grid]: "chart-grid",
  [INK.marker]: "chart-marker",
  [INK.edge]: "chart-edge",
};

/** The colour that highlights money flows that are part of a loop. */
export const CYCLE_COLOR = "#ef4444";

/** `hex` (`#rrggbb`) as an `rgba()` colour of opacity `alpha`, for bands whose legend shows it. */
export function withAlpha(hex: string, alpha: number): string {
  const channel = (at: number): number => Number.parseInt(hex.slice(at, at + 2), 16);
  return `rgba(${channel(1)},${channel(3)},${channel(5)},${alpha})`;
}
