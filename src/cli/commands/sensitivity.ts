// `perpetuum sensitivity SCENARIO OUTPUT`: which uncertain inputs move an output most, by
// Spearman rank correlation over samples and by a tornado of one-at-a-time swings.

import {
  assumptionSensitivity,
  outputSensitivities,
  type Sensitivity,
  uncertainInputsOf,
} from "../../analysis/sensitivityOf.js";
import { TORNADO_HIGH, TORNADO_LOW } from "../../analysis/tornado.js";
import { PARALLEL_MIN_SAMPLES } from "../../defaults.js";
import { renderTable } from "../../report/table.js";
import { tornadoBars } from "../../report/tornadoChart.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { didYouMean } from "../../scenario/suggest.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { type Io, UsageError } from "../io.js";
import { type LoadedFile, loadChecked } from "../loadChecked.js";
import { monteCarloWithProgress } from "../monteCarloWithProgress.js";
import { sampleParallel } from "../parallelSample.js";
import { parseInteger, simulationThreads, threadCount } from "../parseCount.js";

/** Options of `sensitivity`. */
export interface SensitivityFlags {
  /** --samples. */
  readonly samples: string;
  /** --seed. */
  readonly seed: string;
  /** --threads. */
  readonly threads?: string;
  /** --format. */
  readonly format: string;
}

/** What a sensitivity is computed from: the checked file, the samples, the seed and the threads. */
interface SensitivityRun {
  readonly loaded: LoadedFile;
  readonly samples: number;
  readonly seed: number;
  /** The --threads flag as given, if it was. */
  readonly threads: string | undefined;
}

/**
 * Sensitivity of an assumption: its samples against its uncertain inputs' samples. Prints the
 * samples that are not finite and throws a UsageError when there are some.
 */
async function ofAssumption(run: SensitivityRun, output: number, io: Io): Promise<Sensitivity> {
  const { scenario, model, path, text, correlation } = run.loaded;
  const inputs = uncertainInputsOf(model, output);
  if (inputs.length === 0)
    throw new UsageError(`${model.assumptions[output]?.name} depends on no uncertain assumption`);
  const drawn = await sampleParallel(model, {
    samples: run.samples,
    seed: run.seed,
    start: scenario.start,
    correlation,
    threads: threadCount(run.threads, run.samples, PARALLEL_MIN_SAMPLES),
  });
  if (!drawn.ok) {
    io.err(`${formatDiagnostics(path, text, drawn.diagnostics)}\n`);
    throw new UsageError(`${path}: some samples have no finite value`);
  }
  return assumptionSensitivity(scenario, model, output, inputs, drawn.value.columns);
}

/**
 * Sensitivity of a declared output (a result of the simulation) over a Monte Carlo run (see
 * outputSensitivities), on worker threads and with a progress bar like perpetuum run's.
 */
async function ofOutput(
  run: SensitivityRun,
  output: number,
  given: string,
  io: Io,
): Promise<Sensitivity> {
  const { loaded, samples, seed } = run;
  const { scenario, model, correlation, outputs } = loaded;
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, { samples, seed, correlation, outputs });
  const threads = simulationThreads(run.threads, samples);
  const mc = await monteCarloWithProgress(job, threads, given, loaded, io);
  const input = {
    scenario,
    model,
    outputs,
    system,
    columns: mc.buffers.columns,
    outputColumns: mc.buffers.outputs,
  };
  return outputSensitivities(input, [output])[0] as Sensitivity;
}

/** Runs `sensitivity`. */
export async function sensitivityCommand(
  file: string,
  outputName: string,
  flags: SensitivityFlags,
  io: Io,
): Promise<void> {
  const loaded = loadChecked(file, io);
  const { model, path, outputs } = loaded;
  const names = model.assumptions.map((a) => a.name);
  const declared = outputs.outputs.map((o) => o.name);
  const samples = parseInteger("--samples", flags.samples, 2);
  const seed = parseInteger("--seed", flags.seed, 0);
  const run = { loaded, samples, seed, threads: flags.threads };
  let found: Sensitivity;
  if (declared.includes(outputName))
    found = await ofOutput(run, declared.indexOf(outputName), flags.samples, io);
  else if (names.includes(outputName))
    found = await ofAssumption(run, names.indexOf(outputName), io);
  else
    throw new UsageError(
      `${path}: no assumption or output named "${outputName}"${didYouMean(outputName, [...names, ...declared])}`,
    );
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
