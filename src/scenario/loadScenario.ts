// Reads a scenario file's text into a typed Scenario, collecting every problem: YAML syntax,
// duplicate keys, unknown or missing keys, malformed quarters, NaN literals.

import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, Scalar } from "yaml";
import { MAX_SCENARIO_BYTES } from "../defaults.js";
import type { Diagnostic } from "./diagnostic.js";
import { parseQuarter } from "./quarter.js";
import type { AssumptionSource, Scenario } from "./scenario.js";
import { scenarioFileSchema } from "./schema.js";
import { schemaDiagnostics } from "./schemaDiagnostics.js";

const TOP_LEVEL_KEYS = Object.keys(scenarioFileSchema.shape);
const LONG_VALUE_KEYS = ["value", "source", "note"];

function knownKeys(path: ReadonlyArray<PropertyKey>): readonly string[] {
  if (path.length === 0) return TOP_LEVEL_KEYS;
  if (path[0] === "assumptions" && path.length === 2) return LONG_VALUE_KEYS;
  return [];
}

function yamlDiagnostics(doc: Document, text: string): Diagnostic[] {
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

/** The value's text and where it starts, from the YAML node that holds it. */
function valueText(node: Scalar, text: string): { text: string; start: number } {
  const [start, end] = node.range ?? [0, 0];
  if (node.type === Scalar.PLAIN) return { text: text.slice(start, end), start };
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    return { text: String(node.value), start: start + 1 };
  }
  return { text: String(node.value), start };
}

function readAssumptions(doc: Document, text: string, problems: Diagnostic[]): AssumptionSource[] {
  const map = doc.get("assumptions", true);
  if (!isMap(map)) return [];
  const out: AssumptionSource[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const [nameStart, nameEnd] = pair.key.range ?? [0, 0];
    let valueNode: unknown = pair.value;
    let source: string | undefined;
    let note: string | undefined;
    if (isMap(pair.value)) {
      valueNode = pair.value.get("value", true);
      const s = pair.value.get("source");
      const n = pair.value.get("note");
      source = typeof s === "string" ? s : undefined;
      note = typeof n === "string" ? n : undefined;
    }
    if (!isScalar(valueNode)) continue;
    const [vStart, vEnd] = valueNode.range ?? [nameEnd, nameEnd];
    if (typeof valueNode.value === "number" && !Number.isFinite(valueNode.value)) {
      problems.push({
        code: "not-finite",
        message: `${text.slice(vStart, vEnd)} is not a finite number: expected a value such as 3% or $10B`,
        start: vStart,
        end: vEnd,
      });
      continue;
    }
    const raw = valueText(valueNode, text);
    const formula = /^\s*=/.test(raw.text);
    const eq = raw.text.indexOf("=");
    out.push({
      name,
      nameStart,
      nameEnd,
      text: formula ? raw.text.slice(eq + 1) : raw.text,
      textStart: formula ? raw.start + eq + 1 : raw.start,
      formula,
      ...(source === undefined ? {} : { source }),
      ...(note === undefined ? {} : { note }),
    });
  }
  return out;
}

/** A scenario read from YAML: the assumptions found, and the whole scenario when it is valid. */
export interface LoadedScenario {
  /** Every problem found in the file's structure. */
  readonly diagnostics: readonly Diagnostic[];
  /** The assumptions that could be read, even when other parts of the file are wrong. */
  readonly assumptions: readonly AssumptionSource[];
  /** The scenario, when the structure has no problems. */
  readonly scenario: Scenario | null;
}

function failed(diagnostics: Diagnostic[]): LoadedScenario {
  return { diagnostics, assumptions: [], scenario: null };
}

/** Keeps the first diagnostic at each start offset: specific problems are listed first. */
function firstAtEachPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => !seen.has(d.start) && seen.add(d.start) !== undefined);
}

/**
 * Parses a scenario file's text. All structural problems are reported together, each at its
 * place; the assumptions that could be read are returned even then, so that their own problems
 * can be reported in the same pass.
 *
 * @example loadScenario("name: M1\nstart: 2025Q1\nquarters: 1\nassumptions:\n  x: 3%\n")
 */
export function loadScenario(text: string): LoadedScenario {
  if (text.length > MAX_SCENARIO_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const limit = MAX_SCENARIO_BYTES / 1024 / 1024;
    const message = `the file is ${mb} MB; scenario files are limited to ${limit} MB`;
    return failed([{ code: "too-large", message, start: 0, end: 0 }]);
  }
  const doc = parseDocument(text, {
    lineCounter: new LineCounter(),
    uniqueKeys: true,
    prettyErrors: false,
  });
  if (doc.errors.length > 0) return failed(yamlDiagnostics(doc, text));
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    const message =
      "the scenario is empty: expected a mapping with name, start, quarters and assumptions";
    return failed([{ code: "empty", message, start: 0, end: 0 }]);
  }
  const parsed = scenarioFileSchema.safeParse(doc.toJS());
  const problems: Diagnostic[] = [];
  const assumptions = readAssumptions(doc, text, problems);
  if (!parsed.success) problems.push(...schemaDiagnostics(doc, parsed.error.issues, knownKeys));
  const diagnostics = firstAtEachPlace(problems);
  if (!parsed.success || diagnostics.length > 0)
    return { diagnostics, assumptions, scenario: null };
  const file = parsed.data;
  const scenario: Scenario = {
    name: file.name,
    ...(file.description === undefined ? {} : { description: file.description }),
    start: parseQuarter(file.start) as number,
    quarters: file.quarters,
    assumptions,
  };
  return { diagnostics, assumptions, scenario };
}
