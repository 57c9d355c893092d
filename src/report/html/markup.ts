// Small HTML building blocks of the report's sections: escaping, tables, figures and links. Every
// piece of text that comes from a scenario goes through escapeHtml.

/** `text` safe inside HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A cell of {@link htmlTable}: escaped text, or markup already built from escaped text. */
export type Cell = string | { readonly html: string };

/** A cell's markup. */
function cellHtml(cell: Cell): string {
  return typeof cell === "string" ? escapeHtml(cell) : cell.html;
}

/**
 * A table with a header row; columns listed in `numeric` are right-aligned (class `num`).
 *
 * @example htmlTable(["year", "revenue"], [["2025", "$11.4B"]], [1])
 */
export function htmlTable(
  headers: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  numeric: readonly number[] = [],
): string {
  const cls = (k: number) => (numeric.includes(k) ? ' class="num"' : "");
  const head = headers.map((h, k) => `<th${cls(k)}>${cellHtml(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${cellHtml(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** A chart (SVG markup from src/charts) in a figure with an escaped caption. */
export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** A paragraph of escaped text. */
export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** A list of escaped sentences. */
export function bulletList(items: readonly string[]): string {
  return `<ul>${items.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`;
}

/** A link when `source` is an http(s) URL, else the escaped text. */
export function sourceHtml(source: string): string {
  if (!/^https?:\/\/[^\s"<>]+$/.test(source)) return escapeHtml(source);
  const url = escapeHtml(source);
  return `<a href="${url}" rel="noopener noreferrer">${url}</a>`;
}
