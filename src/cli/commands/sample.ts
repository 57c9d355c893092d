// `perpetuum sample FILE`: draws every assumption and prints its summary (table, JSON or CSV),
// optionally exporting every sample to CSV.

import { MAX_COLUMN_BYTES, PARALLEL_MIN_SAMPLES } from "../../defaults.js";
import { renderTable } from "../../report/table.js";
import { maxSamples } from "../../sample/sampleModel.js";
import { type Summary, summarize } from "../../sample/summarize.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { formatBytes } from "../../units/formatBytes.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { unitName } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { outputFile, writing } from "../outputPath.js";
import { sampleParallel } from "../parallelSample.js";
import { parseInteger, threadCount } from "../parseCount.js";
import { writeSamplesCsv } from "../writeSamplesCsv.js";
import { writeSamplesParquet } from "../writeSamplesParquet.js";

/** Options of `sample`, as commander gives them. */
export interface SampleFlags {
  /** --samples. */
  readonly samples: string;
  /** --seed. */
  readonly seed: string;
  /** --format. */
  readonly format: string;
  /** --export. */
  readonly export?: string;
  /** --threads. */
  readonly threads?: string;
}

const FIELDS = ["mean", "sd", "p5", "p25", "p50", "p75", "p95"] as const;
const FORMATS = ["table", "json", "csv"];

/** Runs `sample`. */
export async function sampleCommand(file: string, flags: SampleFlags, io: Io): Promise<void> {
  if (!FORMATS.includes(flags.format))
    throw new UsageError(`--format ${flags.format}: expected one of ${FORMATS.join(", ")}`);
  const samples = parseInteger("--samples", flags.samples, 1);
  const seed = parseInteger("--seed", flags.seed, 0);
  const exportKind =
    flags.export === undefined ? null : /\.(csv|parquet)$/i.exec(flags.export)?.[1]?.toLowerCase();
  if (flags.export !== undefined && !exportKind) {
    throw new UsageError(`--export ${flags.export}: expected a path ending in .csv or .parquet`);
  }
  if (flags.export !== undefined) outputFile(flags.export, "--export", "samples.csv");
  const { scenario, model, path, text, correlation } = loadChecked(file, io);
  const columns = model.assumptions.length;
  const limit = maxSamples(columns);
  if (samples > limit) {
    const need = formatBytes(samples * 8 * Math.max(1, columns));
    throw new UsageError(
      `--samples ${flags.samples}: ${columns} column${columns === 1 ? "" : "s"} of ${samples.toLocaleString("en-US")} samples need ${need}; the limit is ${formatBytes(MAX_COLUMN_BYTES)}, which fits at most ${limit.toLocaleString("en-US")} samples of this scenario`,
    );
  }
  const threads = threadCount(flags.threads, samples, PARALLEL_MIN_SAMPLES);
  const result = await sampleParallel(model, {
    samples,
    seed,
    start: scenario.start,
    correlation,
    threads,
  });
  if (!result.ok) {
    io.err(`${formatDiagnostics(path, text, result.diagnostics)}\n`);
    throw new UsageError(`${path}: some samples have no finite value`);
  }
  const summaries = result.value.columns.map(summarize);
  if (flags.export !== undefined) {
    const target = flags.export;
    const write = exportKind === "parquet" ? writeSamplesParquet : writeSamplesCsv;
    writing("--export", target, () =>
      write(
        target,
        model.assumptions.map((a) => a.name),
        result.value.columns,
      ),
    );
  }
  const named = model.assumptions.map((a, i) => ({ a, s: summaries[i] as Summary }));
  if (flags.format === "json") {
    const assumptions = Object.fromEntries(
      named.map(({ a, s }) => [a.name, { unit: unitName(a.unit), ...s }]),
    );
    io.out(`${JSON.stringify({ samples, seed, assumptions }, null, 2)}\n`);
  } else if (flags.format === "csv") {
    const lines = named.map(({ a, s }) =>
      [a.name, unitName(a.unit), ...FIELDS.map((f) => String(s[f]))].join(","),
    );
    io.out(`${["assumption", "unit", ...FIELDS].join(",")}\n${lines.join("\n")}\n`);
  } else {
    const rows = named.map(({ a, s }) => [
      a.name,
      ...FIELDS.map((f) => formatQuantity(s[f], a.unit)),
    ]);
    io.out(
      `${samples.toLocaleString("en-US")} samples, seed ${seed}\n\n${renderTable(["assumption", ...FIELDS], rows)}\n`,
    );
  }
  if (flags.export !== undefined)
    io.err(`wrote ${samples.toLocaleString("en-US")} rows to ${flags.export}\n`);
}
