// `perpetuum report [SCENARIO]`: one self-contained HTML file (inline CSS, inline SVG charts, no
// script) with the loop, the origins of the money, fan charts, events, distributions,
// sensitivity, the revenue gap and every assumption; optionally the runs under --shock beside
// the baseline and a GPU reserve beside gold.

import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import {
  DEFAULT_SEED,
  MAX_COLUMN_BYTES,
  MAX_SCENARIO_BYTES,
  SIMULATION_PARALLEL_MIN_SAMPLES,
} from "../../defaults.js";
import type { Model } from "../../model/model.js";
import { renderReportHtml } from "../../report/html/renderReport.js";
import {
  buildReportData,
  type ReportInputs,
  type ReportReserve,
} from "../../report/html/reportData.js";
import {
  readReserve,
  reserveInputs,
  simulateReserve,
  summarizeReserve,
} from "../../reserve/index.js";
import type { CheckedScenario } from "../../scenario/checkScenario.js";
import type { CorrelationTarget } from "../../scenario/correlations.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { type CompiledSystem, compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { applyShocks } from "../../stress/applyShocks.js";
import { readShock, type Shock } from "../../stress/readShock.js";
import { formatBytes } from "../../units/formatBytes.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { runMonteCarloParallel } from "../parallelMonteCarlo.js";
import { parseInteger, threadCount } from "../parseCount.js";
import { progressBar } from "../progress.js";
import { BUILT_IN_DIR } from "../readScenarioFile.js";
import { refuseOversizedRun } from "../refuseOversizedRun.js";
import { DEFAULT_RESERVE_YEARS } from "./reserve.js";

/** Samples of the report's Monte Carlo when --samples is not given. */
export const DEFAULT_REPORT_SAMPLES = 10_000;

/** The file written when --out is not given (in the current directory). */
export const DEFAULT_REPORT_FILE = "report.html";

/** Options of `report`, as commander gives them. */
export interface ReportFlags {
  /** --samples (default DEFAULT_REPORT_SAMPLES). */
  readonly samples?: string;
  /** --seed (default DEFAULT_SEED). */
  readonly seed?: string;
  /** --threads. */
  readonly threads?: string;
  /** --out: the HTML file to write (default DEFAULT_REPORT_FILE). */
  readonly out?: string;
  /** --reserve: a built-in reserve's name or a reserve file, valued beside gold. */
  readonly reserve?: string;
  /** Every --shock, in order: the runs are repeated under them, beside the baseline. */
  readonly shock?: readonly string[];
}

/** Reads a reserve file, or a built-in reserve by name: the path to show and its text. */
function readReserveText(pathOrName: string): { path: string; text: string } {
  const builtIn = join(BUILT_IN_DIR, "reserve", `${pathOrName}.yaml`);
  const isBuiltIn = /^[a-z0-9-]+$/.test(pathOrName) && existsSync(builtIn);
  const path = existsSync(pathOrName) ? pathOrName : isBuiltIn ? builtIn : null;
  if (path === null)
    throw new UsageError(
      `--reserve ${pathOrName}: no such file, and no built-in reserve of that name`,
    );
  const stats = statSync(path);
  if (!stats.isFile()) throw new UsageError(`--reserve ${path}: not a file`);
  if (stats.size > MAX_SCENARIO_BYTES)
    throw new UsageError(`${path}:1:1: the file is larger than ${MAX_SCENARIO_BYTES} bytes`);
  const shown = path === builtIn ? `scenarios/reserve/${pathOrName}.yaml` : path;
  return { path: shown, text: readFileSync(path, "utf8") };
}

/** The reserve of --reserve valued over DEFAULT_RESERVE_YEARS with the report's samples and seed. */
function reserveOf(pathOrName: string, samples: number, seed: number, io: Io): ReportReserve {
  const years = DEFAULT_RESERVE_YEARS;
  if ((4 * years + 1) * samples * 8 > MAX_COLUMN_BYTES)
    throw new UsageError(
      `--samples ${samples} --reserve: too many values; each reserve path column is limited to ${MAX_COLUMN_BYTES} bytes`,
    );
  const { path, text } = readReserveText(pathOrName);
  const fail = (diagnostics: Parameters<typeof formatDiagnostics>[2]): UsageError => {
    io.err(`${formatDiagnostics(path, text, diagnostics)}\n`);
    const n = diagnostics.length;
    return new UsageError(`${path}: ${n} problem${n === 1 ? "" : "s"} found`);
  };
  const reserve = readReserve(text);
  if (!reserve.ok) throw fail(reserve.diagnostics);
  const inputs = reserveInputs(reserve.value, samples, seed);
  if (!inputs.ok) throw fail(inputs.diagnostics);
  const { name, description, bought } = reserve.value;
  return {
    name,
    ...(description === undefined ? {} : { description }),
    bought,
    years,
    summary: summarizeReserve(simulateReserve(inputs.value, { quarters: 4 * years, seed })),
  };
}

/** The shocks of --shock, read against the scenario; problems printed, then a UsageError. */
function readShocks(texts: readonly string[], checked: CheckedScenario, io: Io): Shock[] {
  const shocks: Shock[] = [];
  const problems: string[] = [];
  texts.forEach((text, k) => {
    const r = readShock(text, checked);
    if (r.ok) shocks.push(r.value);
    else problems.push(formatDiagnostics(`--shock ${k + 1}`, text, r.diagnostics));
  });
  if (problems.length > 0) {
    io.err(`${problems.join("\n")}\n`);
    throw new UsageError(
      `${problems.length} shock${problems.length === 1 ? "" : "s"} could not be read (see docs/stress.md)`,
    );
  }
  return shocks;
}

/** The path to write, refused when it is a folder or its folder does not exist. */
function outputPath(out: string): string {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`--out ${out}: is a folder; give a file name such as report.html`);
  if (!existsSync(dirname(path)))
    throw new UsageError(`--out ${out}: the folder ${dirname(out)} does not exist`);
  return path;
}

/** Runs `report`: simulates, builds the page and writes it, then says where and how big. */
export async function reportCommand(file: string, flags: ReportFlags, io: Io): Promise<void> {
  const samples = parseInteger("--samples", flags.samples ?? String(DEFAULT_REPORT_SAMPLES), 2);
  const seed = parseInteger("--seed", flags.seed ?? String(DEFAULT_SEED), 0);
  const threads = threadCount(flags.threads, samples, SIMULATION_PARALLEL_MIN_SAMPLES);
  const out = flags.out ?? DEFAULT_REPORT_FILE;
  const target = outputPath(out);
  const checked = loadChecked(file, io);
  const { scenario, model, correlation, outputs, path, text } = checked;
  if (scenario.system.entities.length === 0)
    throw new UsageError(
      `${path}: the scenario has no companies, so there is no loop to report on; use perpetuum sample or perpetuum run --samples`,
    );
  const shocks = readShocks(flags.shock ?? [], checked, io);
  const reserve =
    flags.reserve === undefined ? undefined : reserveOf(flags.reserve, samples, seed, io);
  const given = flags.samples ?? String(DEFAULT_REPORT_SAMPLES);
  const run = async (m: Model, system: CompiledSystem, c: CorrelationTarget | null) => {
    const job = monteCarloJob(scenario, m, system, { samples, seed, correlation: c, outputs });
    refuseOversizedRun(job, given);
    const bar = progressBar(io, `${scenario.name}: ${samples.toLocaleString("en-US")} samples`);
    const mc = await runMonteCarloParallel(job, threads, (done, total) => bar.update(done, total));
    bar.stop();
    if (!mc.ok) {
      io.err(`${formatDiagnostics(path, text, mc.diagnostics)}\n`);
      throw new UsageError(`${path}: some samples have no finite value`);
    }
    return { run: mc.value, point: simulatePoint(scenario, m, system, { outputs }) };
  };
  const system = compileSystem(scenario, model);
  const baseline = await run(model, system, correlation);
  let stress: ReportInputs["stress"];
  if (shocks.length > 0) {
    const shocked = applyShocks(model, system, correlation, shocks);
    const after = await run(shocked.model, shocked.system, shocked.correlation);
    stress = {
      shocks: shocks.map((s) => s.text),
      point: after.point,
      monteCarlo: after.run.result,
    };
  }
  const data = buildReportData({
    checked,
    system,
    point: baseline.point,
    run: baseline.run,
    ...(reserve === undefined ? {} : { reserve }),
    ...(stress === undefined ? {} : { stress }),
  });
  const html = renderReportHtml(data);
  writeFileSync(target, html);
  io.out(
    `${scenario.name}: report of ${samples.toLocaleString("en-US")} samples (seed ${seed}) written to ${out} (${formatBytes(Buffer.byteLength(html))})\n`,
  );
}
