// A font-independent estimate of text width, so that label layout (and so the SVG) is the same
// in Node, a Web Worker and a browser page, whatever fonts the machine has.

/**
 * Widths in em of character groups, on the wide side of common sans-serifs (DejaVu Sans, Segoe
 * UI, Helvetica), so that text estimated to fit does fit.
 */
const GROUPS: readonly (readonly [string, number])[] = [
  [" ilj.,:;'|!Iı", 0.3],
  ["frt()[]{}-/\\", 0.4],
  ["mw", 0.9],
  ["MW%", 0.95],
  ["ABCDEFGHJKLNOPQRSTUVXYZ&@", 0.72],
  ['0123456789$–+=<>?#_~^*"', 0.62],
];

const WIDTHS = new Map<string, number>(
  GROUPS.flatMap(([chars, width]) => [...chars].map((c) => [c, width] as const)),
);

/** The width in em of character `c`: known groups, wide for East Asian scripts, else average. */
function charWidth(c: string): number {
  const known = WIDTHS.get(c);
  if (known !== undefined) return known;
  const code = c.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 1 : 0.6;
}

/**
 * The estimated width in pixels of `text` in CSS font `font` (`bold 15px system-ui`), with the
 * shape of the `measureText` that ECharts' platform API expects.
 */
export function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
  const weight = /\bbold\b|\b[6-9]00\b/.test(font ?? "") ? 1.1 : 1;
  let em = 0;
  for (const c of text) em += charWidth(c);
  return { width: em * size * weight };
}
