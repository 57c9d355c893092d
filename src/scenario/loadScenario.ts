// Reads a scenario file's text into a typed Scenario, collecting every problem: YAML syntax,
// duplicate keys, unknown or missing keys, malformed quarters, NaN literals.

import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { MAX_SCENARIO_BYTES } from "../defaults.js";
import { OUTPUT_KEYS } from "../outputs/outputSchema.js";
import { readOutputs } from "../outputs/readOutputs.js";
import type { CorrelationSource } from "./correlations.js";
import type { Diagnostic } from "./diagnostic.js";
import { parseQuarter, quarterLabel } from "./quarter.js";
import { readField, readFlow } from "./readField.js";
import { readSystem } from "./readSystem.js";
import type { AssumptionSource, Scenario } from "./scenario.js";
import { scenarioFileSchema } from "./schema.js";
import { schemaDiagnostics } from "./schemaDiagnostics.js";
import {
  capacitySchema,
  entitySchema,
  equityContract,
  leaseContract,
  loanContract,
  purchaseContract,
} from "./schemaSystem.js";
import { stockValue } from "./schemaValues.js";
import { DEFAULT_CLEARING } from "./system.js";
import { yamlDiagnostics } from "./yamlDiagnostics.js";

const TOP_LEVEL_KEYS = Object.keys(scenarioFileSchema.shape);
const LONG_VALUE_KEYS = ["value", "source", "note"];
const STOCK_KEYS = Object.keys(stockValue.shape);
const ENTITY_KEYS = Object.keys(entitySchema.shape);
const FUNDING_KEYS = ["min_cash", "equity", "debt", "rate"];
const CAPACITY_KEYS = Object.keys(capacitySchema.shape);
const CONTRACT_KEYS: Readonly<Record<string, readonly string[]>> = {
  equity: Object.keys(equityContract.shape),
  purchase: Object.keys(purchaseContract.shape),
  loan: Object.keys(loanContract.shape),
  lease: Object.keys(leaseContract.shape),
};

/** The keys allowed in the object at `path` of the document, for "did you mean" hints. */
function knownKeys(doc: Document): (path: ReadonlyArray<PropertyKey>) => readonly string[] {
  return (path) => {
    const [section, , sub] = path;
    if (path.length === 0) return TOP_LEVEL_KEYS;
    if (section === "assumptions" && path.length === 2)
      return doc.hasIn([...path, "stock"]) ? STOCK_KEYS : LONG_VALUE_KEYS;
    if (section === "entities" && path.length === 2) return ENTITY_KEYS;
    if (section === "outputs" && path.length === 2) return OUTPUT_KEYS;
    if (section === "entities" && path.length === 3 && sub === "funding") return FUNDING_KEYS;
    if (section === "capacity" && path.length === 2) return CAPACITY_KEYS;
    if (section === "contracts" && path.length === 2) {
      const type = doc.getIn([...path, "type"]);
      return typeof type === "string" ? (CONTRACT_KEYS[type] ?? []) : [];
    }
    return path.length >= 3 ? LONG_VALUE_KEYS : [];
  };
}

function readAssumptions(doc: Document, text: string, problems: Diagnostic[]): AssumptionSource[] {
  const map = doc.get("assumptions", true);
  if (!isMap(map)) return [];
  const out: AssumptionSource[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const field = readField(name, pair.key, pair.value, text, problems);
    if (field === null) continue;
    out.push(field);
    const flow = readFlow(name, pair.key, pair.value, text, problems);
    if (flow !== null) out.push(flow);
  }
  return out;
}

/** The pairs of the correlations section with their positions (the schema has checked them). */
function readCorrelations(doc: Document): CorrelationSource[] {
  const seq = doc.get("correlations", true);
  if (!isSeq(seq)) return [];
  return seq.items.flatMap((item) => {
    if (!isSeq(item)) return [];
    const [a, b, rho] = item.toJSON() as [string, string, number];
    const [start, end] = item.range ?? [0, 0];
    return [{ a, b, rho, start, end }];
  });
}

/** Schedule steps must fall inside the horizon [start, start + quarters). */
function scheduleProblems(
  fields: readonly AssumptionSource[],
  start: number,
  quarters: number,
): Diagnostic[] {
  const end = start + quarters;
  return fields.flatMap((f) =>
    (f.schedule ?? [])
      .filter((e) => e.quarter < start || e.quarter >= end)
      .map((e) => ({
        code: "schedule-outside-horizon",
        message: `${quarterLabel(e.quarter)} is outside the scenario's horizon, ${quarterLabel(start)} to ${quarterLabel(end - 1)}`,
        start: e.keyStart,
        end: e.keyEnd,
      })),
  );
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
  const assumptions = [...readAssumptions(doc, text, problems), ...readSystem(doc, text, problems)];
  const outputs = readOutputs(doc, text, problems);
  if (!parsed.success)
    problems.push(...schemaDiagnostics(doc, parsed.error.issues, knownKeys(doc)));
  const diagnostics = firstAtEachPlace(problems);
  if (!parsed.success || diagnostics.length > 0)
    return { diagnostics, assumptions, scenario: null };
  const file = parsed.data;
  const start = parseQuarter(file.start) as number;
  const outside = scheduleProblems(assumptions, start, file.quarters);
  if (outside.length > 0) return { diagnostics: outside, assumptions, scenario: null };
  const scenario: Scenario = {
    name: file.name,
    ...(file.description === undefined ? {} : { description: file.description }),
    start,
    quarters: file.quarters,
    assumptions,
    correlations: readCorrelations(doc),
    outputs,
    system: {
      clearing:
        file.clearing === undefined
          ? DEFAULT_CLEARING
          : typeof file.clearing === "string"
            ? { method: file.clearing }
            : file.clearing,
      entities: Object.entries(file.entities ?? {}).map(([id, spec]) => ({ id, spec })),
      contracts: file.contracts ?? [],
      capacity: file.capacity ?? [],
    },
  };
  return { diagnostics, assumptions, scenario };
}
