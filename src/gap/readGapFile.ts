// Reads a gap file: YAML naming a method and every one of its inputs with a value in the
// project's literal syntax and a source key, plus optionally the published figures it should
// reproduce. Checked by zod; every problem is a diagnostic at its place in the file.

import { type Document, parseDocument } from "yaml";
import { z } from "zod";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { schemaDiagnostics } from "../scenario/schemaDiagnostics.js";
import { didYouMean } from "../scenario/suggest.js";
import { yamlDiagnostics } from "../scenario/yamlDiagnostics.js";
import { keyRange, nodeRange } from "../scenario/yamlRanges.js";
import { MONEY } from "../units/unit.js";
import { GAP_METHOD_NAMES, GAP_METHODS, type GapParameter } from "./methods.js";
import { readGapValue } from "./readGapValue.js";
import type { GapInput, GapMethodName } from "./step.js";

const value = z.union([z.string(), z.number()]);

const input = z.strictObject({
  value: value.meta({ description: "The value: $150B, 50%, 0.5, 5." }),
  source: z.string().meta({ description: "Source key, e.g. public:sequoia-2024." }),
  note: z.string().optional(),
});

/** The schema of a gap file. */
export const gapFileSchema = z.strictObject({
  name: z.string().meta({ description: "The gap calculation's name." }),
  description: z.string().optional(),
  method: z.enum(GAP_METHOD_NAMES).meta({ description: "The gap method." }),
  inputs: z.record(z.string(), input),
  published: z
    .strictObject({ required: value, gap: value, source: z.string() })
    .optional()
    .meta({ description: "The figures the source publishes, to be reproduced." }),
});

/** The figures a source publishes for a gap calculation. */
export interface GapPublished {
  /** Revenue required, dollars. */
  readonly required: number;
  /** Gap, dollars. */
  readonly gap: number;
  /** Source key. */
  readonly source: string;
}

/** A gap file, read and checked. */
export interface GapFile {
  /** Its name. */
  readonly name: string;
  /** What it is, when given. */
  readonly description?: string;
  /** The method. */
  readonly method: GapMethodName;
  /** Every input of the method, by parameter name. */
  readonly inputs: Readonly<Record<string, GapInput>>;
  /** The published figures, when given. */
  readonly published?: GapPublished;
}

function knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return Object.keys(gapFileSchema.shape);
  if (path.length === 1 && path[0] === "published") return ["required", "gap", "source"];
  return path.length === 2 && path[0] === "inputs" ? ["value", "source", "note"] : [];
}

/** Reads every input of the method, reporting unknown, missing and malformed ones. */
function readInputs(
  doc: Document,
  params: readonly GapParameter[],
  raw: Readonly<Record<string, { value: string | number; source: string }>>,
  problems: Diagnostic[],
): Record<string, GapInput> {
  const names = params.map((p) => p.name);
  const out: Record<string, GapInput> = {};
  for (const key of Object.keys(raw)) {
    if (!names.includes(key))
      problems.push({
        code: "unknown-key",
        message: `unknown input "${key}"${didYouMean(key, names)}; expected one of ${names.join(", ")}`,
        ...keyRange(doc, ["inputs"], key),
      });
  }
  for (const p of params) {
    const given = raw[p.name];
    if (given === undefined) {
      const at = keyRange(doc, [], "inputs");
      problems.push({
        code: "missing-key",
        message: `missing "${p.name}" in "inputs": ${p.description}`,
        start: at.start,
        end: at.start,
      });
      continue;
    }
    const read = readGapValue(p, String(given.value));
    if (read.ok) out[p.name] = { value: read.value, source: given.source };
    else
      problems.push({
        code: "invalid-value",
        message: read.message,
        ...nodeRange(doc, ["inputs", p.name, "value"]),
      });
  }
  return out;
}

/** Reads the published figures, as money. */
function readPublished(
  doc: Document,
  raw: { required: string | number; gap: string | number; source: string },
  problems: Diagnostic[],
): GapPublished | undefined {
  const read = (key: "required" | "gap"): number | null => {
    const p: GapParameter = { name: key, unit: MONEY, description: key, fraction: false };
    const r = readGapValue(p, String(raw[key]));
    if (r.ok) return r.value;
    problems.push({
      code: "invalid-value",
      message: r.message,
      ...nodeRange(doc, ["published", key]),
    });
    return null;
  };
  const required = read("required");
  const gap = read("gap");
  return required === null || gap === null ? undefined : { required, gap, source: raw.source };
}

/**
 * Parses and checks a gap file's text.
 *
 * @example readGapFile("name: b\nmethod: bain\ninputs: { capex: { value: $500B, source: s }, … }")
 */
export function readGapFile(text: string): Result<GapFile> {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return { ok: false, diagnostics: yamlDiagnostics(doc, text) };
  const parsed = gapFileSchema.safeParse(doc.toJS());
  if (!parsed.success)
    return { ok: false, diagnostics: schemaDiagnostics(doc, parsed.error.issues, knownKeys) };
  const file = parsed.data;
  const problems: Diagnostic[] = [];
  const inputs = readInputs(doc, GAP_METHODS[file.method], file.inputs, problems);
  const published =
    file.published === undefined ? undefined : readPublished(doc, file.published, problems);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return {
    ok: true,
    value: {
      name: file.name,
      method: file.method,
      inputs,
      ...(file.description === undefined ? {} : { description: file.description }),
      ...(published === undefined ? {} : { published }),
    },
  };
}
