// YAML syntax errors as diagnostics, shared by every file perpetuum reads as YAML (scenarios, gap
// files, reserve files).

import type { Document } from "yaml";
import type { Diagnostic } from "./diagnostic.js";

/**
 * The YAML parser's errors in `doc` (parsed from `text`) as diagnostics: a duplicate key named,
 * other syntax errors in the parser's words without its own line and column.
 */
export function yamlDiagnostics(doc: Document, text: string): Diagnostic[] {
  return doc.errors.map((error) => {
    const [start, end] = error.pos;
    if (error.code === "DUPLICATE_KEY") {
      const key = /^["']?([^"':\n]*)/.exec(text.slice(start))?.[1]?.trim() ?? "";
      return {
        code: "duplicate-key",
        message: `duplicate key "${key}": each key may appear only once in a map`,
        start,
        end: start + Math.max(1, key.length),
      };
    }
    const first = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
    return {
      code: "yaml-syntax",
      message: `YAML syntax: ${first}`,
      start,
      end: Math.max(start, end),
    };
  });
}
