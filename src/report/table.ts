// Aligned plain-text tables for the terminal: a header, a rule, and columns padded to width;
// numbers (anything that starts like a quantity) are right-aligned.

/** Column alignment. */
export type Align = "left" | "right";

const NUMERIC = /^[-+$]?[$]?-?[0-9.]|^[-–]$|^NaN$|^-?∞$/;

/** Display width of a string (code points; the units used here are all single-width). */
function width(s: string): number {
  return [...s].length;
}

/**
 * Renders rows under a header. Alignment per column is given or inferred: right when every
 * non-empty cell of the column looks numeric.
 *
 * @example renderTable(["name", "p50"], [["profit", "$-12.7B"]])
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const columns = header.length;
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const aligns: Align[] = header.map((_, c) => {
    const given = align?.[c];
    if (given !== undefined) return given;
    const cells = rows.map((r) => r[c] ?? "").filter((s) => s !== "");
    return cells.length > 0 && cells.every((s) => NUMERIC.test(s)) ? "right" : "left";
  });
  const line = (cells: readonly string[]): string =>
    Array.from({ length: columns }, (_, c) => {
      const cell = cells[c] ?? "";
      const pad = " ".repeat((widths[c] as number) - width(cell));
      return aligns[c] === "right" ? pad + cell : cell + pad;
    })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
