// `perpetuum gap [NAME|FILE] [--method M] [--param name=value …]`: the revenue-gap methods
// analysts quote (Sequoia, Bain, depreciation-based), printed step by step with units and sources
// or as JSON, from a built-in gap file, a gap file, or parameters on the command line.

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_SEED,
  MAX_SCENARIO_BYTES,
  SIMULATION_PARALLEL_MIN_SAMPLES,
} from "../../defaults.js";
import { type GapQuantity, gapBands, gapOutputs } from "../../gap/gapOutputs.js";
import {
  GAP_METHOD_NAMES,
  GAP_METHODS,
  type GapFile,
  type GapInput,
  type GapMethodName,
  type GapPublished,
  type GapResult,
  readGapFile,
  readGapValue,
  runGapMethod,
} from "../../gap/index.js";
import {
  aiRevenueEntities,
  DEFAULT_GAP_SHARES,
  type ScenarioGapShares,
  type ScenarioGapYear,
  scenarioGap,
} from "../../gap/scenarioGap.js";
import { compileOutputs } from "../../outputs/compileOutputs.js";
import { renderTable } from "../../report/table.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { quarterLabel } from "../../scenario/quarter.js";
import { didYouMean } from "../../scenario/suggest.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { type LoadedFile, loadChecked } from "../loadChecked.js";
import { runMonteCarloParallel } from "../parallelMonteCarlo.js";
import { parseInteger, threadCount } from "../parseCount.js";
import { progressBar } from "../progress.js";
import { BUILT_IN_DIR, readScenarioFile } from "../readScenarioFile.js";
import { refuseOversizedRun } from "../refuseOversizedRun.js";

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

/** The source recorded for a value given with --param. */
const PARAM_SOURCE = "--param";

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

/** Reads every --param name=value of the method into inputs sourced `--param`. */
function readParams(method: GapMethodName, params: readonly string[]): Record<string, GapInput> {
  const parameters = GAP_METHODS[method];
  const names = parameters.map((p) => p.name);
  const out: Record<string, GapInput> = {};
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq < 0) throw new UsageError(`--param ${param}: expected name=value, e.g. margin=50%`);
    const name = param.slice(0, eq).trim();
    const p = parameters.find((q) => q.name === name);
    if (p === undefined)
      throw new UsageError(
        `--param ${param}: unknown parameter "${name}" of ${method}${didYouMean(name, names)}; expected one of ${names.join(", ")}`,
      );
    if (name in out) throw new UsageError(`--param ${param}: ${name} is given twice`);
    const value = readGapValue(p, param.slice(eq + 1));
    if (!value.ok) throw new UsageError(`--param ${param}: ${value.message}`);
    out[name] = { value: value.value, source: PARAM_SOURCE };
  }
  return out;
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

/** `gap SCENARIO`: the three methods on the point run's own capex and end-customer revenue. */
async function scenarioGapCommand(target: string, flags: GapFlags, io: Io): Promise<void> {
  if (flags.method !== undefined)
    throw new UsageError(`--method: ${target} is a simulation scenario; all three methods apply`);
  const shares = { ...DEFAULT_GAP_SHARES };
  for (const [method, name] of [
    ["sequoia", "margin"],
    ["bain", "capexToRevenue"],
  ] as const) {
    const given = flags.param.filter((p) => p.startsWith(`${name}=`));
    if (given.length > 0) shares[name] = readParams(method, given)[name]?.value ?? shares[name];
  }
  const unknown = flags.param.filter((p) => !/^(margin|capexToRevenue)=/.test(p));
  if (unknown.length > 0)
    throw new UsageError(
      `--param ${unknown[0]}: a simulation's gaps take margin=… and capexToRevenue=… only`,
    );
  const loaded = loadChecked(target, io);
  if (flags.samples !== undefined) {
    await scenarioGapBands(loaded, shares, flags, io);
    return;
  }
  const { scenario, model } = loaded;
  const years = scenarioGap(
    simulatePoint(scenario, model),
    shares,
    aiRevenueEntities(scenario.system),
  );
  if (flags.format === "json") {
    io.out(`${JSON.stringify({ scenario: scenario.name, shares, years }, null, 2)}\n`);
    return;
  }
  const row = (label: string, f: (y: ScenarioGapYear) => number) => [
    label,
    ...years.map((y) => money(f(y))),
  ];
  const rows = GAP_ROWS.map(([label, q]) => row(label, (y) => quantityOf(y, q)));
  io.out(
    `${scenario.name}: the revenue gap of the point run (every uncertain value at its median), per year\n` +
      `${methodsLine(shares)}\n\n` +
      `${renderTable(["", ...years.map((y) => String(y.year))], rows)}\n`,
  );
}

/** The table's rows: label and quantity. */
const GAP_ROWS: readonly (readonly [string, GapQuantity])[] = [
  ["capex", "capex"],
  ["depreciation", "depreciation"],
  ["end-customer revenue", "endCustomerRevenue"],
  ["Sequoia: required", "sequoia_required"],
  ["  gap", "sequoia_gap"],
  ["Bain: required", "bain_required"],
  ["  gap", "bain_gap"],
  ["depreciation: required", "depreciation_required"],
  ["  gap", "depreciation_gap"],
];

/** A year's value of a quantity, in a point run's year or in a year of bands. */
function quantityOf<T>(
  y: {
    readonly capex: T;
    readonly depreciation: T;
    readonly endCustomerRevenue: T;
    readonly sequoia: { readonly required: T; readonly gap: T };
    readonly bain: { readonly required: T; readonly gap: T };
    readonly depreciationMethod: { readonly required: T; readonly gap: T };
  },
  q: GapQuantity,
): T {
  switch (q) {
    case "capex":
    case "depreciation":
    case "endCustomerRevenue":
      return y[q];
    case "sequoia_required":
      return y.sequoia.required;
    case "sequoia_gap":
      return y.sequoia.gap;
    case "bain_required":
      return y.bain.required;
    case "bain_gap":
      return y.bain.gap;
    case "depreciation_required":
      return y.depreciationMethod.required;
    case "depreciation_gap":
      return y.depreciationMethod.gap;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** How the three methods are applied, in one line. */
function methodsLine(shares: ScenarioGapShares): string {
  return `Sequoia: capex ÷ (1 − margin ${pct(shares.margin)}); Bain: capex ÷ ${pct(shares.capexToRevenue)}; depreciation: depreciation ÷ margin ${pct(shares.margin)}; each less what end customers paid the AI labs.`;
}

/** `gap SCENARIO --samples N`: each year's figures summed per sample, then their bands. */
async function scenarioGapBands(
  loaded: LoadedFile,
  shares: ScenarioGapShares,
  flags: GapFlags,
  io: Io,
): Promise<void> {
  const { scenario, model, correlation, path, text } = loaded;
  const samples = parseInteger("--samples", flags.samples ?? "", 1);
  const seed = parseInteger("--seed", flags.seed ?? String(DEFAULT_SEED), 0);
  const threads = threadCount(flags.threads, samples, SIMULATION_PARALLEL_MIN_SAMPLES);
  const years = [
    ...new Set(
      Array.from({ length: scenario.quarters }, (_, q) =>
        Number(quarterLabel(scenario.start + q).slice(0, 4)),
      ),
    ),
  ];
  const sources = gapOutputs(
    scenario.system.entities.map((e) => e.id),
    aiRevenueEntities(scenario.system),
    years,
    shares,
  );
  const outputs = compileOutputs({ ...scenario, outputs: sources }, model);
  if (!outputs.ok) throw new Error(outputs.diagnostics.map((d) => d.message).join("; "));
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, {
    samples,
    seed,
    correlation,
    outputs: outputs.value,
  });
  refuseOversizedRun(job, flags.samples ?? "");
  const bar = progressBar(io, `${scenario.name}: ${samples.toLocaleString("en-US")} samples`);
  const mc = await runMonteCarloParallel(job, threads, (done, total) => bar.update(done, total));
  bar.stop();
  if (!mc.ok) {
    io.err(`${formatDiagnostics(path, text, mc.diagnostics)}\n`);
    throw new UsageError(`${path}: some samples have no finite value`);
  }
  const bands = gapBands(years, mc.value.result.outputs);
  if (flags.format === "json") {
    io.out(
      `${JSON.stringify({ scenario: scenario.name, samples, seed, shares, years: bands }, null, 2)}\n`,
    );
    return;
  }
  const rows = GAP_ROWS.flatMap(([label, q]) => [
    [label, ...bands.map((y) => money(quantityOf(y, q).p50))],
    ["", ...bands.map((y) => `${money(quantityOf(y, q).p5)} – ${money(quantityOf(y, q).p95)}`)],
  ]);
  io.out(
    `${scenario.name}: the revenue gap per year over ${samples.toLocaleString("en-US")} samples (seed ${seed}): median, then the 90% band (p5 – p95); each figure is summed over the loop's companies in every sample before its quantiles are taken\n` +
      `${methodsLine(shares)}\n\n` +
      `${renderTable(["", ...years.map(String)], rows)}\n`,
  );
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
