// `perpetuum run [SCENARIO]`: simulates a scenario quarter by quarter (the point run, or a Monte
// Carlo run with --samples) and prints the report, the result document (JSON) or a long CSV table.

import { DEFAULT_REPORT_FILE } from "../../defaults.js";
import { renderMonteCarloReport } from "../../report/monteCarloReport.js";
import { renderRunReport, runCsv } from "../../report/runReport.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { formatBytes } from "../../units/formatBytes.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { monteCarloWithProgress } from "../monteCarloWithProgress.js";
import { outputFile, outputFolder, writing } from "../outputPath.js";
import { parseInteger, simulationThreads } from "../parseCount.js";
import { writeRunDirectory } from "../writeRunDirectory.js";

/** Options of `run`. */
export interface RunFlags {
  /** --format. */
  readonly format: string;
  /** --samples: a Monte Carlo run when given. */
  readonly samples?: string;
  /** --seed. */
  readonly seed: string;
  /** --threads. */
  readonly threads?: string;
  /** --out: a directory for summary.json, series.csv, series-years.csv and samples.parquet. */
  readonly out?: string;
  /** --keep-trajectories: also write every sample's series in every quarter (needs --out). */
  readonly keepTrajectories?: boolean;
  /** --report: also write the HTML report of this Monte Carlo run to this file. */
  readonly report?: string;
}

/** Runs `run`. */
export async function runCommand(file: string, flags: RunFlags, io: Io): Promise<void> {
  const checked = loadChecked(file, io);
  const { scenario, model, path, text, correlation, outputs } = checked;
  const nothingToRun = scenario.system.entities.length === 0 && outputs.outputs.length === 0;
  if (nothingToRun || (scenario.system.entities.length === 0 && flags.samples === undefined)) {
    throw new UsageError(
      nothingToRun
        ? `${path}: the scenario has no entities to simulate and no outputs to summarise; use perpetuum sample to draw its assumptions`
        : `${path}: the scenario has no entities, so there is no point run; run its outputs with --samples N`,
    );
  }
  if (flags.samples === undefined) {
    if (flags.out !== undefined || flags.report !== undefined)
      throw new UsageError(
        `${flags.out === undefined ? "--report writes the report" : "--out writes the files"} of a Monte Carlo run; add --samples N`,
      );
    const result = simulatePoint(scenario, model, undefined, { outputs });
    if (flags.format === "json") io.out(`${JSON.stringify(result, null, 2)}\n`);
    else if (flags.format === "csv") io.out(runCsv(result));
    else io.out(renderRunReport(result, outputs.outputs));
    return;
  }
  const report =
    flags.report === undefined ? null : outputFile(flags.report, "--report", DEFAULT_REPORT_FILE);
  if (flags.out !== undefined) outputFolder(flags.out, "--out");
  if (report !== null && scenario.system.entities.length === 0)
    throw new UsageError(
      `--report ${flags.report}: ${path} has no companies, so there is no loop to report on`,
    );
  if (flags.keepTrajectories && flags.out === undefined)
    throw new UsageError(
      "--keep-trajectories writes trajectories.parquet into --out DIR; add --out",
    );
  const samples = parseInteger("--samples", flags.samples, 1);
  const seed = parseInteger("--seed", flags.seed, 0);
  const threads = simulationThreads(flags.threads, samples);
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, {
    samples,
    seed,
    correlation,
    outputs,
    keepTrajectories: flags.keepTrajectories === true,
  });
  const mc = await monteCarloWithProgress(job, threads, flags.samples, { path, text }, io);
  const { result, buffers } = mc;
  io.out(
    flags.format === "json"
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderMonteCarloReport(result, outputs.outputs),
  );
  if (flags.out !== undefined) {
    const names = job.outputs.outputs.map((o) => o.name);
    const dir = flags.out;
    const paths = writing("--out", dir, () =>
      writeRunDirectory(dir, result, model, buffers, names),
    );
    io.err(`wrote ${paths.join(", ")}\n`);
  }
  if (report !== null) {
    // Loaded only when asked for: the charts' library alone takes about a second to load.
    const { writeReport } = await import("./report.js");
    const point = simulatePoint(scenario, model, system, { outputs });
    const bytes = writing("--report", report, () =>
      writeReport(report, { checked, system, point, run: mc }),
    );
    io.err(
      `The HTML report of this run (the loop, fan charts, distributions, sensitivity, every assumption) is in ${report} (${formatBytes(bytes)}): open it in a browser.\n`,
    );
  }
}
