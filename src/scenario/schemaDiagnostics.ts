// Turns zod's issues about a scenario file into diagnostics at the right place in the YAML, with
// "did you mean" hints for misspelt keys.

import type { Document } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "./diagnostic.js";
import { didYouMean } from "./suggest.js";
import { keyRange, nodeRange } from "./yamlRanges.js";

/** The keys each object of the file may have, by path pattern, for "did you mean" hints. */
export type KnownKeys = (path: ReadonlyArray<PropertyKey>) => readonly string[];

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? "the top level" : `"${path.map(String).join(".")}"`;
}

/**
 * The diagnostics for zod issues found in `doc`. Union failures are reduced to the branch that
 * matched the value's type, so that a misspelt key inside `{ value, source }` is reported as such.
 */
export function schemaDiagnostics(
  doc: Document,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: KnownKeys,
  prefix: ReadonlyArray<PropertyKey> = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        const range = keyRange(doc, path, key);
        const expected = known.length > 0 ? `; expected one of ${known.join(", ")}` : "";
        out.push({
          code: "unknown-key",
          message: `unknown key "${key}" in ${pathText(path)}${didYouMean(key, known)}${expected}`,
          ...range,
        });
      }
      continue;
    }
    if (issue.code === "invalid_union") {
      const branches = issue.errors.filter(
        (branch) => !branch.some((i) => i.code === "invalid_type" && i.path.length === 0),
      );
      if (branches.length === 1) {
        out.push(...schemaDiagnostics(doc, branches[0] as z.core.$ZodIssue[], knownKeys, path));
        continue;
      }
    }
    if (issue.code === "invalid_key") {
      const key = String(path[path.length - 1]);
      const range = keyRange(doc, path.slice(0, -1), key);
      const why = issue.issues[0]?.message ?? issue.message;
      out.push({ code: "invalid-name", message: `"${key}" is not a valid name: ${why}`, ...range });
      continue;
    }
    const present = doc.getIn(path as unknown[], true) !== undefined;
    if (!present && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
      const key = String(path[path.length - 1]);
      const range = keyRange(doc, path.slice(0, -1), key);
      out.push({
        code: "missing-key",
        message: `missing "${key}" in ${pathText(path.slice(0, -1))}: ${issue.message}`,
        start: range.start,
        end: range.start,
      });
      continue;
    }
    out.push({ code: "invalid-value", message: issue.message, ...nodeRange(doc, path) });
  }
  return out;
}
