// `perpetuum run [SCENARIO]`: simulates a scenario quarter by quarter (the point run, or a Monte
// Carlo run with --samples) and prints the report, the result document (JSON) or a long CSV table.

import { renderMonteCarloReport } from "../../report/monteCarloReport.js";
import { renderRunReport, runCsv } from "../../report/runReport.js";
import { maxSamples } from "../../sample/sampleModel.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { simulateMonteCarlo } from "../../sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { parseInteger } from "../parseCount.js";
import { progressBar } from "../progress.js";

/** Options of `run`. */
export interface RunFlags {
  /** --format. */
  readonly format: string;
  /** --samples: a Monte Carlo run when given. */
  readonly samples?: string;
  /** --seed. */
  readonly seed: string;
}

/** Runs `run`. */
export function runCommand(file: string, flags: RunFlags, io: Io): void {
  const { scenario, model, path, text, correlation } = loadChecked(file, io);
  if (scenario.system.entities.length === 0) {
    throw new UsageError(
      `${path}: the scenario has no entities to simulate; use perpetuum sample to draw its assumptions`,
    );
  }
  if (flags.samples !== undefined) {
    const samples = parseInteger("--samples", flags.samples, 1);
    const limit = maxSamples(model.assumptions.length);
    if (samples > limit)
      throw new UsageError(
        `--samples ${flags.samples}: at most ${limit.toLocaleString("en-US")} samples of this scenario fit in memory`,
      );
    const bar = progressBar(io, `${scenario.name}: ${samples.toLocaleString("en-US")} samples`);
    const mc = simulateMonteCarlo(scenario, model, {
      samples,
      seed: parseInteger("--seed", flags.seed, 0),
      correlation,
      onQuarter: (done, total) => bar.update(done, total),
    });
    bar.stop();
    if (!mc.ok) {
      io.err(`${formatDiagnostics(path, text, mc.diagnostics)}\n`);
      throw new UsageError(`${path}: some samples have no finite value`);
    }
    io.out(
      flags.format === "json"
        ? `${JSON.stringify(mc.value, null, 2)}\n`
        : renderMonteCarloReport(mc.value),
    );
    return;
  }
  const result = simulatePoint(scenario, model);
  if (flags.format === "json") io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (flags.format === "csv") io.out(runCsv(result));
  else io.out(renderRunReport(result));
}
