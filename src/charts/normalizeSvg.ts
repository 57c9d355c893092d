// Normalises a chart's SVG for golden tests: numbers in markup rounded to two decimals and ids
// renumbered in order of appearance, so snapshots do not change with rounding noise or with
// how many charts were rendered before.

/**
 * `text` with every decimal number rounded to two decimals (`-0` written as `0`). One decimal
 * would turn the `-0.01` that closes ECharts' circle arcs into `0` and erase the circles.
 */
function roundNumbers(text: string): string {
  return text.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (n) => {
    const rounded = Math.round(Number(n) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/**
 * `svg` with the numbers inside its tags (coordinates, sizes, transforms; not the text shown)
 * rounded to two decimals, and its ids renamed `id0`, `id1`, … in order of appearance together with
 * the `url(#…)` and `href="#…"` references to them.
 */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/ id="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !ids.has(id)) ids.set(id, `id${ids.size}`);
  }
  const renamed = svg.replace(
    /(id="|url\(#|href="#)([^")]+)/g,
    (_whole, lead: string, id: string) => `${lead}${ids.get(id) ?? id}`,
  );
  return renamed.replace(/<[^>]*>/g, roundNumbers);
}
