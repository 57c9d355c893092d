// `perpetuum report [SCENARIO]`: one self-contained HTML file (inline CSS, inline SVG charts, no
// script) with the loop, the origins of the money, fan charts, events, distributions,
// sensitivity, the revenue gap and every assumption; optionally the runs under --shock beside
// the baseline and a GPU reserve beside gold.

import { writeFileSync } from "node:fs";
import {
  DEFAULT_REPORT_FILE,
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_RESERVE_YEARS,
  DEFAULT_SEED,
} from "../../defaults.js";
import type { Model } from "../../model/model.js";
import { renderReportHtml } from "../../report/html/renderReport.js";
import {
  buildReportData,
  type ReportInputs,
  type ReportReserve,
} from "../../report/html/reportData.js";
import type { CorrelationTarget } from "../../scenario/correlations.js";
import { type CompiledSystem, compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { applyShocks } from "../../stress/applyShocks.js";
import { formatBytes } from "../../units/formatBytes.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { monteCarloWithProgress } from "../monteCarloWithProgress.js";
import { outputFile, writing } from "../outputPath.js";
import { parseInteger, simulationThreads } from "../parseCount.js";
import { readShocks } from "../readShocks.js";
import { valueReserve } from "./reserve.js";

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

/** The reserve of --reserve valued over DEFAULT_RESERVE_YEARS with the report's samples and seed. */
function reserveOf(pathOrName: string, samples: number, seed: number, io: Io): ReportReserve {
  const years = DEFAULT_RESERVE_YEARS;
  const given = `--samples ${samples} --reserve ${pathOrName}`;
  const { reserve, summary } = valueReserve(pathOrName, { samples, seed, years, given }, io);
  const { name, description, bought } = reserve;
  return {
    name,
    ...(description === undefined ? {} : { description }),
    bought,
    years,
    summary,
  };
}

/** Builds the page from a run's results, writes it to `path` and returns its size in bytes. */
export function writeReport(path: string, inputs: ReportInputs): number {
  const html = renderReportHtml(buildReportData(inputs));
  writeFileSync(path, html);
  return Buffer.byteLength(html);
}

/** Runs `report`: simulates, builds the page and writes it, then says where and how big. */
export async function reportCommand(file: string, flags: ReportFlags, io: Io): Promise<void> {
  const samples = parseInteger("--samples", flags.samples ?? String(DEFAULT_REPORT_SAMPLES), 2);
  const seed = parseInteger("--seed", flags.seed ?? String(DEFAULT_SEED), 0);
  const threads = simulationThreads(flags.threads, samples);
  const out = flags.out ?? DEFAULT_REPORT_FILE;
  const target = outputFile(out, "--out", DEFAULT_REPORT_FILE);
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
    const mc = await monteCarloWithProgress(job, threads, given, { path, text }, io);
    return { run: mc, point: simulatePoint(scenario, m, system, { outputs }) };
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
  const inputs: ReportInputs = {
    checked,
    system,
    point: baseline.point,
    run: baseline.run,
    ...(reserve === undefined ? {} : { reserve }),
    ...(stress === undefined ? {} : { stress }),
  };
  const bytes = writing("--out", out, () => writeReport(target, inputs));
  io.out(
    `${scenario.name}: report of ${samples.toLocaleString("en-US")} samples (seed ${seed}) written to ${out} (${formatBytes(bytes)})\n`,
  );
}
