// Reads a reserve file: YAML with a name, a purchase quarter and `assumptions:` in the scenario
// language (each value a literal, a 90% interval `A to B`, a distribution or a formula, short or
// as { value, source, note }), checked by zod and compiled by the scenario compiler. Problems are
// diagnostics at their place in the file.

import { type Document, isMap, isPair, isScalar, parseDocument } from "yaml";
import { z } from "zod";
import { compileAssumptions } from "../model/compileAssumptions.js";
import type { Model } from "../model/model.js";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { parseQuarter, QUARTER_PATTERN } from "../scenario/quarter.js";
import { readField } from "../scenario/readField.js";
import type { AssumptionSource } from "../scenario/scenario.js";
import { schemaDiagnostics } from "../scenario/schemaDiagnostics.js";
import { field } from "../scenario/schemaValues.js";
import { didYouMean } from "../scenario/suggest.js";
import { yamlDiagnostics } from "../scenario/yamlDiagnostics.js";
import { keyRange } from "../scenario/yamlRanges.js";
import { describeUnit, sameDimensions } from "../units/unit.js";
import { RESERVE_PARAMETERS } from "./parameters.js";

const NAMES = RESERVE_PARAMETERS.map((p) => p.name);

/** The schema of a reserve file. */
export const reserveFileSchema = z.strictObject({
  name: z.string().meta({ description: "The reserve's name." }),
  description: z.string().optional(),
  bought: z
    .string()
    .regex(QUARTER_PATTERN, "expected a quarter such as 2025Q4")
    .meta({ description: "The quarter the GPUs are bought in." }),
  assumptions: z.partialRecord(z.enum(NAMES), field),
});

/** The note of a file's value an override replaces, saying what it replaced. */
function withSource(replaced: AssumptionSource): { note: string } {
  const was = replaced.formula ? `= ${replaced.text.trim()}` : replaced.text.trim();
  return { note: `--param replaces the file's ${was}` };
}

/** A reserve file, read and compiled. */
export interface Reserve {
  /** Its name. */
  readonly name: string;
  /** What it is, when given. */
  readonly description?: string;
  /** Index of the purchase quarter. */
  readonly bought: number;
  /** Its assumptions as written, in file order. */
  readonly sources: readonly AssumptionSource[];
  /** The compiled assumptions (only those written; the others take their fallbacks). */
  readonly model: Model;
}

function knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return Object.keys(reserveFileSchema.shape);
  if (path.length === 1 && path[0] === "assumptions") return NAMES;
  return path.length === 2 ? ["value", "source", "note"] : [];
}

/** Unknown parameter names, reported as unknown keys of `assumptions` with a hint. */
function unknownNames(doc: Document): Diagnostic[] {
  const map = doc.get("assumptions", true);
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    if (!isPair(pair) || !isScalar(pair.key)) return [];
    const key = String(pair.key.value);
    if ((NAMES as readonly string[]).includes(key)) return [];
    return [
      {
        code: "unknown-key",
        message: `unknown parameter "${key}" in "assumptions"${didYouMean(key, NAMES)}; expected one of ${NAMES.join(", ")}`,
        ...keyRange(doc, ["assumptions"], key),
      },
    ];
  });
}

/** Values that replace or add to a file's: parameters read by readReserveParams, a quarter. */
export interface ReserveOverrides {
  /** Assumptions replacing the file's of the same name, or added to them. */
  readonly sources?: readonly AssumptionSource[];
  /** Index of the purchase quarter, replacing the file's `bought`. */
  readonly bought?: number;
}

/**
 * Parses and compiles a reserve file's text, with `overrides` in place of the file's values.
 *
 * @example readReserve("name: r\nbought: 2025Q4\nassumptions: { gpus: 1000, price: $30k }")
 */
export function readReserve(text: string, overrides: ReserveOverrides = {}): Result<Reserve> {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return { ok: false, diagnostics: yamlDiagnostics(doc, text) };
  const parsed = reserveFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const unknown = unknownNames(doc);
    const other = parsed.error.issues.filter(
      (i) =>
        !(
          i.path[0] === "assumptions" &&
          (i.code === "invalid_key" || i.code === "unrecognized_keys")
        ),
    );
    return { ok: false, diagnostics: [...unknown, ...schemaDiagnostics(doc, other, knownKeys)] };
  }
  const problems: Diagnostic[] = [];
  const map = doc.get("assumptions", true);
  const sources: AssumptionSource[] = [];
  if (isMap(map)) {
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const source = readField(String(pair.key.value), pair.key, pair.value, text, problems);
      if (source !== null) sources.push(source);
    }
  }
  for (const o of overrides.sources ?? []) {
    const i = sources.findIndex((x) => x.name === o.name);
    if (i < 0) sources.push(o);
    else sources[i] = { ...o, ...withSource(sources[i] as AssumptionSource) };
  }
  for (const p of RESERVE_PARAMETERS) {
    if (p.fallback === null && !sources.some((s) => s.name === p.name)) {
      const at = keyRange(doc, [], "assumptions");
      problems.push({
        code: "missing-key",
        message: `missing "${p.name}" in "assumptions": ${p.description}`,
        start: at.start,
        end: at.start,
      });
    }
  }
  const compiled = compileAssumptions(sources);
  if (!compiled.ok) return { ok: false, diagnostics: [...problems, ...compiled.diagnostics] };
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const wrongUnits = compiled.value.assumptions.flatMap((a, i) => {
    const p = RESERVE_PARAMETERS.find((q) => q.name === a.name);
    const s = sources[i] as AssumptionSource;
    if (p === undefined || sameDimensions(a.unit, p.unit)) return [];
    return [
      {
        code: "unit-mismatch",
        message: `"${a.name}" is ${describeUnit(a.unit)}, but ${p.description} is ${describeUnit(p.unit)}`,
        start: s.textStart,
        end: s.textStart + s.text.length,
      },
    ];
  });
  if (wrongUnits.length > 0) return { ok: false, diagnostics: wrongUnits };
  const { name, description, bought } = parsed.data;
  return {
    ok: true,
    value: {
      name,
      ...(description === undefined ? {} : { description }),
      bought: overrides.bought ?? (parseQuarter(bought) as number),
      sources,
      model: compiled.value,
    },
  };
}
