// Turns ECharts' SSR output into a static, embeddable picture: drops its hover CSS and event
// metadata, adds CSS class hooks by ink colour, a title for screen readers, and ids that are the
// same for the same picture but differ between pictures sharing one HTML page.

import { escapeXml } from "./escapeXml.js";
import { INK_CLASSES } from "./palette.js";

/** FNV-1a hash of `text`, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Removes what only an interactive chart needs: hover styles, their classes, event metadata. */
function stripInteractive(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>\s*/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/ pointer-events="visible"/g, "");
}

/** Adds `class="chart-…"` to every drawing element whose fill or stroke is an INK colour. */
function addClassHooks(svg: string): string {
  return svg.replace(
    /<(text|path|line|rect|circle|polyline|polygon)\b([^>]*)>/g,
    (tag, name, attrs) => {
      const colour = /(?:fill|stroke)="(#[0-9a-fA-F]{6})"/.exec(attrs)?.[1]?.toLowerCase();
      const cls = colour === undefined ? undefined : INK_CLASSES[colour];
      return cls === undefined ? tag : `<${name} class="${cls}"${attrs}>`;
    },
  );
}

/** Gives the ids, in order of appearance, names unique to this picture's content. */
function renameIds(svg: string): string {
  const pattern = /(id="|url\(#|href="#)([^")]+)/g;
  const order = new Map<string, number>();
  for (const match of svg.matchAll(/ id="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !order.has(id)) order.set(id, order.size);
  }
  if (order.size === 0) return svg;
  const numbered = (prefix: string): string =>
    svg.replace(pattern, (whole, lead: string, id: string) => {
      const n = order.get(id);
      return n === undefined ? whole : `${lead}${prefix}${n}`;
    });
  return numbered(`c${hash(numbered(""))}-`);
}

/** Marks the root `<svg>` as a chart of `kind` and gives it an accessible `title`. */
function labelRoot(svg: string, kind: string, title: string): string {
  const text = escapeXml(title);
  return svg.replace(
    /^<svg\b([^>]*)>/,
    `<svg class="chart chart-${kind}" role="img" aria-label="${text}"$1>\n<title>${text}</title>`,
  );
}

/**
 * The finished SVG of a chart of `kind` (a CSS-friendly word such as `fan`) titled `title`, from
 * ECharts' `renderToSVGString()` output.
 */
export function finishSvg(svg: string, kind: string, title: string): string {
  return labelRoot(renameIds(addClassHooks(stripInteractive(svg))), kind, title);
}
