// `perpetuum sensitivity SCENARIO OUTPUT`: which uncertain inputs move an output most, by
// Spearman rank correlation over samples and by a tornado of one-at-a-time swings.

import {
  assumptionSensitivity,
  outputSensitivities,
  type Sensitivity,
  uncertainInputsOf,
} from "../../analysis/sensitivityOf.js";
import { TORNADO_HIGH, TORNADO_LOW } from "../../analysis/tornado.js";
import { renderTable } from "../../report/table.js";
import { tornadoBars } from "../../report/tornadoChart.js";
import { sampleModel } from "../../sample/sampleModel.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { didYouMean } from "../../scenario/suggest.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { runMonteCarloJob } from "../../sim/simulateMonteCarlo.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { type Io, UsageError } from "../io.js";
import { type LoadedFile, loadChecked } from "../loadChecked.js";
import { parseInteger } from "../parseCount.js";

/** Options of `sensitivity`. */
export interface SensitivityFlags {
  /** --samples. */
  readonly samples: string;
  /** --seed. */
  readonly seed: string;
  /** --format. */
  readonly format: string;
}

/**
 * Sensitivity of an assumption: its samples against its uncertain inputs' samples. Throws a
 * DiagnosticsError when some samples are not finite.
 */
function ofAssumption(
  loaded: LoadedFile,
  output: number,
  samples: number,
  seed: number,
): Sensitivity {
  const { scenario, model, path, text, correlation } = loaded;
  const inputs = uncertainInputsOf(model, output);
  if (inputs.length === 0)
    throw new UsageError(`${model.assumptions[output]?.name} depends on no uncertain assumption`);
  const drawn = sampleModel(model, { samples, seed, start: scenario.start, correlation });
  if (!drawn.ok) {
    throw new DiagnosticsError(formatDiagnostics(path, text, drawn.diagnostics), path);
  }
  return assumptionSensitivity(scenario, model, output, inputs, drawn.value.columns);
}

/**
 * Sensitivity of a declared output (a result of the simulation) over a Monte Carlo run (see
 * outputSensitivities). Throws a DiagnosticsError when some samples are not finite.
 */
function ofOutput(loaded: LoadedFile, output: number, samples: number, seed: number): Sensitivity {
  const { scenario, model, path, text, correlation, outputs } = loaded;
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, { samples, seed, correlation, outputs });
  const run = runMonteCarloJob(job);
  if (!run.ok) throw new DiagnosticsError(formatDiagnostics(path, text, run.diagnostics), path);
  const input = {
    scenario,
    model,
    outputs,
    system,
    columns: run.value.buffers.columns,
    outputColumns: run.value.buffers.outputs,
  };
  return outputSensitivities(input, [output])[0] as Sensitivity;
}

/** Runs `sensitivity`. */
export function sensitivityCommand(
  file: string,
  outputName: string,
  flags: SensitivityFlags,
  io: Io,
): void {
  const loaded = loadChecked(file, io);
  const { model, path, outputs } = loaded;
  const names = model.assumptions.map((a) => a.name);
  const declared = outputs.outputs.map((o) => o.name);
  const samples = parseInteger("--samples", flags.samples, 2);
  const seed = parseInteger("--seed", flags.seed, 0);
  let found: Sensitivity;
  try {
    if (declared.includes(outputName))
      found = ofOutput(loaded, declared.indexOf(outputName), samples, seed);
    else if (names.includes(outputName))
      found = ofAssumption(loaded, names.indexOf(outputName), samples, seed);
    else
      throw new UsageError(
        `${path}: no assumption or output named "${outputName}"${didYouMean(outputName, [...names, ...declared])}`,
      );
  } catch (error) {
    if (!(error instanceof DiagnosticsError)) throw error;
    io.err(`${error.formatted}\n`);
    throw new UsageError(`${path}: some samples have no finite value`);
  }
  const { rho, bars, median, unit: outUnit } = found;
  if (flags.format === "json") {
    const rows = bars.map((b) => ({
      input: names[b.input],
      spearman: rho.get(b.input),
      low: b.low,
      high: b.high,
      outputAtLow: b.outputAtLow,
      outputAtHigh: b.outputAtHigh,
      swing: b.swing,
    }));
    io.out(
      `${JSON.stringify({ output: outputName, samples, seed, outputAtMedians: median, inputs: rows }, null, 2)}\n`,
    );
    return;
  }
  const f = (x: number, i: number) => formatQuantity(x, model.assumptions[i]?.unit ?? outUnit);
  const g = (x: number) => formatQuantity(x, outUnit);
  const chart = tornadoBars(bars, median);
  const rows = bars.map((b, k) => [
    names[b.input] as string,
    (rho.get(b.input) as number).toFixed(2),
    `${f(b.low, b.input)} … ${f(b.high, b.input)}`,
    `${g(b.outputAtLow)} … ${g(b.outputAtHigh)}`,
    g(b.swing),
    chart[k] as string,
  ]);
  const pLow = Math.round(TORNADO_LOW * 100);
  const pHigh = Math.round(TORNADO_HIGH * 100);
  io.out(
    `${outputName}: ${g(median)} with every input at its median; ${samples.toLocaleString("en-US")} samples, seed ${seed} for Spearman's ρ\n\n`,
  );
  io.out(
    `${renderTable(["input", "ρ", `input p${pLow} … p${pHigh}`, `${outputName} at p${pLow} … p${pHigh}`, "swing", "tornado"], rows, ["left", "right", "right", "right", "right", "left"])}\n`,
  );
}

/** Per-sample errors found while sampling, formatted, to print before failing. */
class DiagnosticsError extends Error {
  constructor(
    readonly formatted: string,
    path: string,
  ) {
    super(`${path}: some samples have no finite value`);
  }
}
