// Renders diagnostics the way compilers do: `FILE:LINE:COL: message`, then the source line with
// a caret under the problem. Lines and columns are 1-based; columns count characters.

import type { Diagnostic } from "./diagnostic.js";

/** 1-based line and column of a character offset. */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of `offset` given the line starts of its text. */
export function positionOf(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (starts[lo] as number) + 1 };
}

/** Longest source line echoed under a message; longer lines are cut around the problem. */
const MAX_ECHO = 120;

/**
 * Formats each diagnostic as `file:line:col: message`, the source line and a caret line, in
 * order of position.
 *
 * @example formatDiagnostics("m.yaml", "a: 1 to\n", [d]) // "m.yaml:1:6: … \n 1 | a: 1 to\n   |      ^^"
 */
export function formatDiagnostics(
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): string {
  const starts = lineStarts(text);
  const sorted = [...diagnostics].sort((a, b) => a.start - b.start || a.end - b.end);
  const blocks = sorted.map((d) => {
    const { line, col } = positionOf(starts, Math.min(d.start, text.length));
    const lineStart = starts[line - 1] as number;
    const nextStart = starts[line] ?? text.length + 1;
    let source = text.slice(lineStart, nextStart - 1).replace(/\r$/, "");
    let caretCol = col - 1;
    if (source.length > MAX_ECHO) {
      const from = Math.max(0, caretCol - MAX_ECHO / 2);
      source = `…${source.slice(from, from + MAX_ECHO)}…`;
      caretCol = caretCol - from + 1;
    }
    const width = Math.max(1, Math.min(d.end, lineStart + source.length) - d.start);
    const gutter = String(line);
    const pad = " ".repeat(gutter.length);
    const caret = " ".repeat(Math.max(0, caretCol)) + "^".repeat(Math.min(width, 80));
    return `${file}:${line}:${col}: ${d.message}\n ${gutter} | ${source}\n ${pad} | ${caret}`;
  });
  return blocks.join("\n");
}
