// `perpetuum sensitivity SCENARIO OUTPUT`: which uncertain inputs move an output most, by
// Spearman rank correlation over samples and by a tornado of one-at-a-time swings.

import { dependencies } from "../../analysis/dependencies.js";
import { spearman } from "../../analysis/spearman.js";
import {
  swingBar,
  TORNADO_HIGH,
  TORNADO_LOW,
  type TornadoBar,
  tornado,
} from "../../analysis/tornado.js";
import type { OutputInfo } from "../../outputs/outputsPlan.js";
import { renderTable } from "../../report/table.js";
import { tornadoBars } from "../../report/tornadoChart.js";
import { clockAt } from "../../sample/evaluateBlocks.js";
import { sampleModel } from "../../sample/sampleModel.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { didYouMean } from "../../scenario/suggest.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { pointValues } from "../../sim/pointValues.js";
import { runMonteCarloJob } from "../../sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import type { Unit } from "../../units/unit.js";
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

/** What the table and the JSON need, whichever kind of output was asked for. */
interface Sensitivity {
  readonly rho: ReadonlyMap<number, number>;
  readonly bars: readonly TornadoBar[];
  readonly median: number;
  readonly unit: Unit;
}

/** Sensitivity of an assumption: its samples against its uncertain inputs' samples. */
function ofAssumption(
  loaded: LoadedFile,
  output: number,
  samples: number,
  seed: number,
): Sensitivity {
  const { scenario, model, path, text, correlation } = loaded;
  const inputs = dependencies(model, output).filter(
    (i) => model.assumptions[i]?.kind === "uncertain",
  );
  if (inputs.length === 0)
    throw new UsageError(`${model.assumptions[output]?.name} depends on no uncertain assumption`);
  const drawn = sampleModel(model, { samples, seed, start: scenario.start, correlation });
  if (!drawn.ok) {
    throw new DiagnosticsError(formatDiagnostics(path, text, drawn.diagnostics), path);
  }
  const column = (i: number) => drawn.value.columns[i] as Float64Array;
  const base = new Float64Array(model.assumptions.length);
  pointValues(model, base, clockAt(scenario.start, 0), model.evaluationOrder);
  return {
    rho: new Map(inputs.map((i) => [i, spearman(column(i), column(output))])),
    bars: tornado(model, output, inputs, scenario.start),
    median: base[output] as number,
    unit: model.assumptions[output]?.unit as Unit,
  };
}

/**
 * Sensitivity of a declared output (a result of the simulation): Spearman's ρ over a Monte Carlo
 * run against every uncertain assumption, and a tornado of point runs with one input at its 10th
 * and 90th percentiles (equal swings, common for a yes/no output, ordered by |ρ|).
 */
function ofOutput(loaded: LoadedFile, output: number, samples: number, seed: number): Sensitivity {
  const { scenario, model, path, text, correlation, outputs } = loaded;
  const info = outputs.outputs[output] as OutputInfo;
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, { samples, seed, correlation, outputs });
  const run = runMonteCarloJob(job);
  if (!run.ok) throw new DiagnosticsError(formatDiagnostics(path, text, run.diagnostics), path);
  const values = run.value.buffers.outputs[output] as Float64Array;
  const inputs = model.assumptions.flatMap((a, i) =>
    a.kind === "uncertain" && !a.timeVarying ? [i] : [],
  );
  const rho = new Map(
    inputs.map((i) => [i, spearman(run.value.buffers.columns[i] as Float64Array, values)]),
  );
  const strength = (i: number) => Math.abs(rho.get(i) as number);
  const at = (input: number, value: number) =>
    simulatePoint(scenario, model, system, { outputs, overrides: new Map([[input, value]]) })
      .outputs[info.name] as number;
  const bars = inputs
    .map((input) => swingBar(model, input, at))
    .sort((a, b) => b.swing - a.swing || strength(b.input) - strength(a.input));
  return {
    rho,
    bars,
    median: simulatePoint(scenario, model, system, { outputs }).outputs[info.name] as number,
    unit: info.unit,
  };
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
