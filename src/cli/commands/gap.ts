// `perpetuum gap [NAME|FILE] [--method M] [--param name=value …]`: the revenue-gap methods
// analysts quote (Sequoia, Bain, depreciation-based), printed step by step with units and sources
// or as JSON, from a built-in gap file, a gap file, or parameters on the command line; a
// simulation scenario goes to gapScenario.ts.

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MAX_SCENARIO_BYTES } from "../../defaults.js";
import {
  GAP_METHOD_NAMES,
  GAP_METHODS,
  type GapFile,
  type GapMethodName,
  type GapPublished,
  type GapResult,
  readGapFile,
  runGapMethod,
} from "../../gap/index.js";
import { renderTable } from "../../report/table.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { didYouMean } from "../../scenario/suggest.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { BUILT_IN_DIR, readScenarioFile } from "../readScenarioFile.js";
import { readParams } from "./gapParams.js";
import { scenarioGapCommand } from "./gapScenario.js";

/** Options of `gap`, as commander gives them. */
export interface GapFlags {
  /** --method, when given. */
  readonly method?: string;
  /** Every --param name=value, in order. */
  readonly param: readonly string[];
  /** --format. */
  readonly format: string;
  /** --samples: bands over a Monte Carlo run of a simulation scenario. */
  readonly samples?: string;
  /** --seed. */
  readonly seed?: string;
  /** --threads. */
  readonly threads?: string;
}

const FORMATS = ["table", "json"];

/** The built-in gap files' folder, beside the built-in scenarios. */
const GAP_DIR = join(BUILT_IN_DIR, "gap");

/** The names of the method, as a reader knows them. */
const METHOD_TITLES: Readonly<Record<GapMethodName, string>> = {
  sequoia: "Sequoia (Cahn): run-rate ÷ GPU share ÷ (1 − margin)",
  bain: "Bain: capex ÷ capex-to-revenue ratio",
  depreciation: "depreciation: capex ÷ useful life ÷ gross margin",
};

/** Reads a gap file, or a built-in gap by name; the path to show and its text. */
function readGapText(pathOrName: string): { path: string; text: string } {
  const builtIn = join(GAP_DIR, `${pathOrName}.yaml`);
  const isBuiltIn = /^[a-z0-9-]+$/.test(pathOrName) && existsSync(builtIn);
  const path = isBuiltIn ? builtIn : existsSync(pathOrName) ? pathOrName : null;
  if (path === null)
    throw new UsageError(
      `${pathOrName}: no such file, and no built-in gap calculation of that name`,
    );
  const stats = statSync(path);
  if (!stats.isFile()) throw new UsageError(`${path}: not a file`);
  if (stats.size > MAX_SCENARIO_BYTES)
    throw new UsageError(`${path}:1:1: the file is larger than ${MAX_SCENARIO_BYTES} bytes`);
  const shown = isBuiltIn ? `scenarios/gap/${pathOrName}.yaml` : path;
  return { path: shown, text: readFileSync(path, "utf8") };
}

function parseMethod(method: string): GapMethodName {
  const known: readonly string[] = GAP_METHOD_NAMES;
  if (!known.includes(method))
    throw new UsageError(
      `--method ${method}: unknown method${didYouMean(method, known)}; expected one of ${known.join(", ")}`,
    );
  return method as GapMethodName;
}

/** The gap calculation to run: from a file with --param overrides, or from --param alone. */
function resolve(target: string | undefined, flags: GapFlags, io: Io): GapFile {
  if (target === undefined) {
    if (flags.method === undefined)
      throw new UsageError(
        `name a built-in gap calculation (sequoia-2023, sequoia-2024, bain-2030) or a gap file, or give --method ${GAP_METHOD_NAMES.join("|")} with --param name=value for each input`,
      );
    const method = parseMethod(flags.method);
    const inputs = readParams(method, flags.param);
    const missing = GAP_METHODS[method].filter((p) => !(p.name in inputs));
    if (missing.length > 0)
      throw new UsageError(
        `--method ${method}: missing ${missing.map((p) => `--param ${p.name}=… (${p.description})`).join(", ")}`,
      );
    return { name: method, method, inputs };
  }
  const { path, text } = readGapText(target);
  const file = readGapFile(text);
  if (!file.ok) {
    io.err(`${formatDiagnostics(path, text, file.diagnostics)}\n`);
    const n = file.diagnostics.length;
    throw new UsageError(`${path}: ${n} problem${n === 1 ? "" : "s"} found`);
  }
  const { method } = file.value;
  if (flags.method !== undefined && parseMethod(flags.method) !== method)
    throw new UsageError(`--method ${flags.method}: ${target} uses the ${method} method`);
  const overrides = readParams(method, flags.param);
  return { ...file.value, inputs: { ...file.value.inputs, ...overrides } };
}

const money = (x: number): string => formatQuantity(x, MONEY);

/** Whether the result reproduces the published figures (to the dollar). */
function reproduces(result: GapResult, published: GapPublished): boolean {
  return (
    Math.abs(result.required - published.required) < 0.5 &&
    Math.abs(result.gap - published.gap) < 0.5
  );
}

/** The calculation in the terminal: one line per step, then the conclusion. */
function table(file: GapFile, result: GapResult): string {
  const rows = result.steps.map((s) => [
    s.name,
    s.label,
    formatQuantity(s.value, s.unit),
    s.formula,
    s.source,
  ]);
  const lines = [
    `${file.name}: ${METHOD_TITLES[result.method]}`,
    ...(file.description === undefined ? [] : [file.description]),
    "",
    renderTable(["step", "what", "value", "formula", "source"], rows, [
      "left",
      "left",
      "right",
      "left",
      "left",
    ]),
    "",
    `Revenue required ${money(result.required)} a year; ${result.gap >= 0 ? "gap" : "surplus"} ${money(Math.abs(result.gap))}.`,
  ];
  const published = file.published;
  if (published !== undefined)
    lines.push(
      `Published (${published.source}): required ${money(published.required)}, gap ${money(published.gap)}: ${reproduces(result, published) ? "reproduced" : "NOT reproduced"}.`,
    );
  return `${lines.join("\n")}\n`;
}

/** The JSON document: money in dollars, fractions as fractions, every step. */
function json(file: GapFile, result: GapResult) {
  return {
    name: file.name,
    method: result.method,
    inputs: Object.fromEntries(
      GAP_METHODS[result.method].map((p) => [p.name, file.inputs[p.name]?.value]),
    ),
    required: result.required,
    gap: result.gap,
    steps: result.steps.map((s) => ({
      name: s.name,
      label: s.label,
      value: s.value,
      unit: s.unit.percent ? "fraction" : s.unit.money === 1 ? "USD" : "number",
      formula: s.formula,
      source: s.source,
    })),
    ...(file.published === undefined
      ? {}
      : { published: { ...file.published, reproduced: reproduces(result, file.published) } }),
  };
}

/** Whether `target` names a simulation scenario (a built-in one, or a file with companies). */
function isSimulationScenario(target: string): boolean {
  if (existsSync(join(GAP_DIR, `${target}.yaml`))) return false;
  const file = readScenarioFile(target);
  return file.ok && /^entities:/m.test(file.text);
}

/** Runs `gap`. */
export async function gapCommand(
  target: string | undefined,
  flags: GapFlags,
  io: Io,
): Promise<void> {
  if (!FORMATS.includes(flags.format))
    throw new UsageError(`--format ${flags.format}: expected one of ${FORMATS.join(", ")}`);
  if (target !== undefined && isSimulationScenario(target)) {
    await scenarioGapCommand(target, flags, io);
    return;
  }
  if (flags.samples !== undefined)
    throw new UsageError(
      "--samples: bands need a simulation scenario (such as ono); a gap calculation has no uncertainty",
    );
  const file = resolve(target, flags, io);
  const result = runGapMethod(file.method, file.inputs);
  if (flags.format === "json") io.out(`${JSON.stringify(json(file, result), null, 2)}\n`);
  else io.out(table(file, result));
}
