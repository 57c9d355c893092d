// `perpetuum reserve [FILE|NAME]`: a GPU reserve valued quarter by quarter beside the same money
// in gold, with bands over samples, the crossover, P(GPU beats gold) per year and the half-life.

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_RESERVE, MAX_COLUMN_BYTES, MAX_SCENARIO_BYTES } from "../../defaults.js";
import { renderTable } from "../../report/table.js";
import {
  type Band,
  type Reserve,
  type ReserveSummary,
  readReserve,
  readReserveParams,
  reserveInputs,
  simulateReserve,
  summarizeReserve,
} from "../../reserve/index.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { parseQuarter, quarterLabel } from "../../scenario/quarter.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY, PERCENT, PLAIN } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { parseInteger } from "../parseCount.js";
import { BUILT_IN_DIR } from "../readScenarioFile.js";

/** Options of `reserve`, as commander gives them. */
export interface ReserveFlags {
  /** --samples. */
  readonly samples: string;
  /** --seed. */
  readonly seed: string;
  /** --years. */
  readonly years: string;
  /** --format. */
  readonly format: string;
  /** Every --param name=value, in order: values replacing or adding to the file's. */
  readonly param?: readonly string[];
  /** --bought: the purchase quarter, replacing the file's. */
  readonly bought?: string;
}

const FORMATS = ["table", "json"];

/** The built-in reserves' folder, beside the built-in scenarios. */
const RESERVE_DIR = join(BUILT_IN_DIR, "reserve");

/** Reads a reserve file, or a built-in reserve by name; the path to show and its text. */
export function readReserveFile(pathOrName: string): { path: string; text: string } {
  const builtIn = join(RESERVE_DIR, `${pathOrName}.yaml`);
  const path = existsSync(pathOrName)
    ? pathOrName
    : /^[a-z0-9-]+$/.test(pathOrName) && existsSync(builtIn)
      ? builtIn
      : null;
  if (path === null)
    throw new UsageError(`${pathOrName}: no such file, and no built-in reserve of that name`);
  const stats = statSync(path);
  if (!stats.isFile()) throw new UsageError(`${path}: not a file`);
  if (stats.size > MAX_SCENARIO_BYTES)
    throw new UsageError(`${path}:1:1: the file is larger than ${MAX_SCENARIO_BYTES} bytes`);
  const shown = path === builtIn ? `scenarios/reserve/${pathOrName}.yaml` : path;
  return { path: shown, text: readFileSync(path, "utf8") };
}

const money = (x: number): string => formatQuantity(x, MONEY);
const percent = (x: number): string => formatQuantity(x, PERCENT);

function when(bought: number, quarter: number | null): string {
  if (quarter === null) return "never within the horizon";
  return `${quarterLabel(bought + quarter)} (${quarter} quarter${quarter === 1 ? "" : "s"} after purchase)`;
}

function spread(bought: number, b: Band | null): string {
  if (b === null) return "";
  const at = (q: number) => quarterLabel(bought + Math.round(q));
  if (at(b.p5) === at(b.p95)) return `; in all of them ${at(b.p50)}`;
  return `; median ${at(b.p50)}, 90% between ${at(b.p5)} and ${at(b.p95)}`;
}

/** The report in the terminal: a table per year and the crossover, half-life and chances. */
function table(
  name: string,
  bought: number,
  s: ReserveSummary,
  seed: number,
  years: number,
): string {
  const rows = Array.from({ length: years + 1 }, (_, y) => {
    const q = s.perQuarter[4 * y] as ReserveSummary["perQuarter"][number];
    return [
      String(y),
      quarterLabel(bought + 4 * y),
      money(q.gpu.p5),
      money(q.gpu.p50),
      money(q.gpu.p95),
      money(q.gold.p5),
      money(q.gold.p50),
      money(q.gold.p95),
      y === 0 ? "–" : percent(q.pGpuBeatsGold),
      formatQuantity(q.h100e.p50, PLAIN),
    ];
  });
  const header = [
    "year",
    "quarter",
    "GPU p5",
    "GPU p50",
    "GPU p95",
    "gold p5",
    "gold p50",
    "gold p95",
    "P(GPU > gold)",
    "H100e p50",
  ];
  const chances = Array.from(
    { length: years },
    (_, y) =>
      `${y + 1} y ${percent((s.perQuarter[4 * (y + 1)] as { pGpuBeatsGold: number }).pGpuBeatsGold)}`,
  ).join(", ");
  const lines = [
    `${name}: bought ${quarterLabel(bought)} for ${money(s.cost.p50)} (median), valued for ${years} years beside the same money in gold; ${s.samples.toLocaleString("en-US")} samples, seed ${seed}`,
    "",
    renderTable(header, rows),
    "",
    "GPU = hardware value of the GPUs still working plus cumulative rent net of power and hosting.",
    "",
    `• Crossover: in the median paths gold is worth more from ${when(bought, s.medianCrossover)} on. Gold stays ahead to the end in ${percent(s.crossover.share)} of samples${spread(bought, s.crossover.quarters)}.`,
    `• Half-life: the median hardware value falls below half the cost in ${when(bought, s.medianHalfLife)}; within the horizon in ${percent(s.halfLife.share)} of samples${spread(bought, s.halfLife.quarters)}.`,
    `• P(GPU reserve with rent beats gold) after ${chances}.`,
  ];
  return `${lines.join("\n")}\n`;
}

/** The JSON document: every number, money in dollars, quarters counted from the purchase. */
function json(name: string, bought: number, s: ReserveSummary, seed: number, years: number) {
  const at = (q: number | null) =>
    q === null ? null : { quarter: q, date: quarterLabel(bought + q) };
  return {
    reserve: name,
    bought: quarterLabel(bought),
    samples: s.samples,
    seed,
    years,
    cost: s.cost,
    quarters: s.perQuarter.map((q) => ({ ...q, date: quarterLabel(bought + q.quarter) })),
    perYear: Array.from({ length: years }, (_, y) => {
      const q = s.perQuarter[4 * (y + 1)] as ReserveSummary["perQuarter"][number];
      return {
        year: y + 1,
        date: quarterLabel(bought + q.quarter),
        gpu: q.gpu,
        gold: q.gold,
        pGpuBeatsGold: q.pGpuBeatsGold,
      };
    }),
    crossover: { median: at(s.medianCrossover), ...s.crossover },
    halfLife: { median: at(s.medianHalfLife), ...s.halfLife },
  };
}

/** The quarter --bought names. */
function parseBought(given: string): number {
  const quarter = parseQuarter(given);
  if (quarter === null)
    throw new UsageError(`--bought ${given}: expected a quarter such as 2025Q4`);
  return quarter;
}

/** A reserve read, valued and summarised for a command. */
export interface ValuedReserve {
  /** The reserve as read (overrides applied). */
  readonly reserve: Reserve;
  /** Its paths' summary over the horizon. */
  readonly summary: ReserveSummary;
}

/** How to value a reserve: samples, seed, years, and values replacing the file's. */
export interface ReserveRun {
  readonly samples: number;
  readonly seed: number;
  readonly years: number;
  /** Every --param name=value. */
  readonly param?: readonly string[];
  /** --bought. */
  readonly bought?: string;
  /** How the flags were given, for the message when the run is too large. */
  readonly given: string;
}

/**
 * Reads the reserve file or built-in `pathOrName` with the run's overrides and values it; every
 * problem is printed at its place (the file's FILE:LINE:COL, or --param:N:COL) before a
 * UsageError.
 */
export function valueReserve(pathOrName: string, run: ReserveRun, io: Io): ValuedReserve {
  const { samples, seed, years } = run;
  if ((4 * years + 1) * samples * 8 > MAX_COLUMN_BYTES)
    throw new UsageError(
      `${run.given}: too many values; each reserve path column is limited to ${MAX_COLUMN_BYTES} bytes`,
    );
  const { path, text } = readReserveFile(pathOrName);
  const param = run.param ?? [];
  const params = readReserveParams(param, text.length);
  if (!params.ok) {
    io.err(`${formatDiagnostics("--param", param.join("\n"), params.diagnostics)}\n`);
    const n = params.diagnostics.length;
    throw new UsageError(`--param: ${n} problem${n === 1 ? "" : "s"} found`);
  }
  const fail = (diagnostics: Parameters<typeof formatDiagnostics>[2]): UsageError => {
    const { offset } = params.value;
    const inFile = diagnostics.filter((d) => d.start < offset);
    const inParams = diagnostics
      .filter((d) => d.start >= offset)
      .map((d) => ({ ...d, start: d.start - offset, end: d.end - offset }));
    if (inFile.length > 0) io.err(`${formatDiagnostics(path, text, inFile)}\n`);
    if (inParams.length > 0)
      io.err(`${formatDiagnostics("--param", params.value.text, inParams)}\n`);
    const n = diagnostics.length;
    return new UsageError(`${path}: ${n} problem${n === 1 ? "" : "s"} found`);
  };
  const reserve = readReserve(text, {
    sources: params.value.sources,
    ...(run.bought === undefined ? {} : { bought: parseBought(run.bought) }),
  });
  if (!reserve.ok) throw fail(reserve.diagnostics);
  const inputs = reserveInputs(reserve.value, samples, seed);
  if (!inputs.ok) throw fail(inputs.diagnostics);
  const summary = summarizeReserve(simulateReserve(inputs.value, { quarters: 4 * years, seed }));
  return { reserve: reserve.value, summary };
}

/** Runs `reserve`. */
export function reserveCommand(file: string | undefined, flags: ReserveFlags, io: Io): void {
  if (!FORMATS.includes(flags.format))
    throw new UsageError(`--format ${flags.format}: expected one of ${FORMATS.join(", ")}`);
  const samples = parseInteger("--samples", flags.samples, 1);
  const seed = parseInteger("--seed", flags.seed, 0);
  const years = parseInteger("--years", flags.years, 1);
  const { reserve, summary } = valueReserve(
    file ?? DEFAULT_RESERVE,
    {
      samples,
      seed,
      years,
      ...(flags.param === undefined ? {} : { param: flags.param }),
      ...(flags.bought === undefined ? {} : { bought: flags.bought }),
      given: `--samples ${flags.samples} --years ${flags.years}`,
    },
    io,
  );
  const { name, bought } = reserve;
  if (flags.format === "json")
    io.out(`${JSON.stringify(json(name, bought, summary, seed, years), null, 2)}\n`);
  else io.out(table(name, bought, summary, seed, years));
}
