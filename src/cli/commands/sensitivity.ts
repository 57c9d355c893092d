// `perpetuum sensitivity SCENARIO OUTPUT`: which uncertain inputs move an output most, by
// Spearman rank correlation over samples and by a tornado of one-at-a-time swings.

import { dependencies } from "../../analysis/dependencies.js";
import { spearman } from "../../analysis/spearman.js";
import { TORNADO_HIGH, TORNADO_LOW, tornado } from "../../analysis/tornado.js";
import { renderTable } from "../../report/table.js";
import { tornadoBars } from "../../report/tornadoChart.js";
import { clockAt } from "../../sample/evaluateBlocks.js";
import { sampleModel } from "../../sample/sampleModel.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { didYouMean } from "../../scenario/suggest.js";
import { pointValues } from "../../sim/pointValues.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
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

/** Runs `sensitivity`. */
export function sensitivityCommand(
  file: string,
  outputName: string,
  flags: SensitivityFlags,
  io: Io,
): void {
  const { scenario, model, path, text, correlation } = loadChecked(file, io);
  const names = model.assumptions.map((a) => a.name);
  const output = names.indexOf(outputName);
  if (output < 0)
    throw new UsageError(
      `${path}: no assumption named "${outputName}"${didYouMean(outputName, names)}`,
    );
  const inputs = dependencies(model, output).filter(
    (i) => model.assumptions[i]?.kind === "uncertain",
  );
  if (inputs.length === 0) throw new UsageError(`${outputName} depends on no uncertain assumption`);
  const samples = parseInteger("--samples", flags.samples, 2);
  const seed = parseInteger("--seed", flags.seed, 0);
  const drawn = sampleModel(model, { samples, seed, start: scenario.start, correlation });
  if (!drawn.ok) {
    io.err(`${formatDiagnostics(path, text, drawn.diagnostics)}\n`);
    throw new UsageError(`${path}: some samples have no finite value`);
  }
  const column = (i: number) => drawn.value.columns[i] as Float64Array;
  const rho = new Map(inputs.map((i) => [i, spearman(column(i), column(output))]));
  const bars = tornado(model, output, inputs, scenario.start);
  const base = new Float64Array(model.assumptions.length);
  pointValues(model, base, clockAt(scenario.start, 0), model.evaluationOrder);
  const median = base[output] as number;
  const outUnit = model.assumptions[output]?.unit;
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
  const f = (x: number, i: number) => formatQuantity(x, model.assumptions[i]?.unit ?? outUnit!);
  const g = (x: number) => formatQuantity(x, outUnit!);
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
