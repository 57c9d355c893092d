// Reads the JSON input of `perpetuum clear` into a checked request, or into diagnostics at their
// line and column: the size limit, then JSON.parse, the schema (clearRequestSchema.ts) and the
// semantic checks (clearRequestChecks.ts). Inside, the algorithms trust the values it returns.

import { parseDocument } from "yaml";
import type { z } from "zod";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { schemaDiagnostics } from "../scenario/schemaDiagnostics.js";
import { nodeRange } from "../scenario/yamlRanges.js";
import { clearRequestProblems } from "./clearRequestChecks.js";
import { type ClearRequest, clearRequestKeys, clearRequestSchema } from "./clearRequestSchema.js";

/** Largest input read, in bytes (10^6 obligations as JSON edges fit comfortably). */
export const MAX_CLEAR_BYTES = 64 * 1024 * 1024;

/**
 * Parses and checks the text of a clear request (JSON). The fast path is JSON.parse; only when
 * something is wrong is the text parsed again with positions, to report each problem at its
 * line and column.
 *
 * @example readClearRequest('{"method": "furfine", "n": 1, "exposures": [], "capital": [1], "initiallyFailed": []}')
 */
export function readClearRequest(text: string): Result<ClearRequest> {
  if (text.length > MAX_CLEAR_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const message = `the file is ${mb} MB; clear requests are limited to ${MAX_CLEAR_BYTES / 1024 / 1024} MB`;
    return { ok: false, diagnostics: [{ code: "too-large", message, start: 0, end: 0 }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, diagnostics: syntaxDiagnostics(text, error) };
  }
  const parsed = clearRequestSchema.safeParse(json);
  if (parsed.success) {
    const found = clearRequestProblems(parsed.data);
    if (found.length === 0) return { ok: true, value: parsed.data };
    const doc = parseDocument(text, { prettyErrors: false });
    return {
      ok: false,
      diagnostics: found.map((p) => ({
        code: "invalid-value",
        message: p.message,
        ...nodeRange(doc, p.path),
      })),
    };
  }
  return { ok: false, diagnostics: shapeDiagnostics(text, parsed.error.issues, json) };
}

function shapeDiagnostics(text: string, issues: readonly z.core.$ZodIssue[], json: unknown) {
  const doc = parseDocument(text, { prettyErrors: false });
  const method = (json as { method?: unknown } | null)?.method;
  return schemaDiagnostics(doc, issues, (path) => clearRequestKeys(path, method));
}

/** Tokens some tools write for non-finite numbers, which JSON does not have. */
const NOT_A_JSON_NUMBER = /^[-+]?(NaN|Infinity|\.nan|\.inf)$/i;

/**
 * Where JSON.parse failed: at the position its message gives; else, as JSON is YAML, where
 * YAML's parser stops, or (for tokens such as NaN, which YAML reads as text) at the value the
 * schema then rejects.
 */
function syntaxDiagnostics(text: string, error: unknown): Diagnostic[] {
  const raw = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
  const what = raw.replace(/( in JSON)? at position \d+.*$/, "").replace(/, ".*$/, "");
  const at = /position (\d+)/.exec(raw);
  const syntax = (start: number): Diagnostic[] => [
    { code: "syntax", message: `not valid JSON: ${what}`, start, end: start + 1 },
  ];
  if (at !== null) return syntax(Math.min(text.length, Number(at[1])));
  const first = /\S/.exec(text);
  if (first === null || (first[0] !== "{" && first[0] !== "[")) {
    const start = first?.index ?? 0;
    const found = first === null ? "an empty file" : `"${first[0]}"`;
    const message = `not valid JSON: expected an object such as {"method": "eisenberg-noe", "n": 2, …}, found ${found}`;
    return [{ code: "syntax", message, start, end: start + 1 }];
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) return syntax(yamlError.pos[0]);
  const json = doc.toJS();
  const parsed = clearRequestSchema.safeParse(json);
  if (!parsed.success) {
    const found = shapeDiagnostics(text, parsed.error.issues, json).map((d) =>
      NOT_A_JSON_NUMBER.test(text.slice(d.start, d.end))
        ? {
            ...d,
            message: `not valid JSON: ${text.slice(d.start, d.end)} is not a JSON number; expected a finite number`,
          }
        : d,
    );
    if (found.length > 0) return found;
  }
  return syntax(text.length);
}
