// `run --out DIR`: the Monte Carlo result as files other tools open directly. summary.json is the
// result document; series.csv and series-years.csv hold the bands per quarter and per year in
// long form (one row per period, entity and metric); samples.parquet holds one row per sample
// with every input and every declared output; with --keep-trajectories, trajectories.parquet
// holds one row per quarter and sample with every entity's every series.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import type { Model } from "../model/model.js";
import type { MonteCarloBuffers } from "../sim/monteCarloJob.js";
import type { MonteCarloResult } from "../sim/monteCarloSummary.js";
import { SERIES } from "../sim/result.js";
import { makeFolder } from "./outputPath.js";

/**
 * Writes trajectories.parquet: columns `quarter` (label), `sample`, then `<entity>.<series>` for
 * every entity and series; rows quarter by quarter, each with every sample in order.
 */
function writeTrajectories(
  dir: string,
  result: MonteCarloResult,
  buffers: MonteCarloBuffers,
): string {
  const path = join(dir, "trajectories.parquet");
  const n = result.samples;
  const Q = result.quarters.length;
  const names = Object.keys(result.summary).flatMap((id) => SERIES.map((m) => `${id}.${m}`));
  parquetWriteFile({
    filename: path,
    columnData: [
      {
        name: "quarter",
        data: Array.from({ length: Q * n }, (_, r) => result.quarters[Math.floor(r / n)] as string),
        type: "STRING",
      },
      { name: "sample", data: Array.from({ length: Q * n }, (_, r) => r % n), type: "INT32" },
      ...names.map((name, j) => ({
        name,
        data: Array.from(buffers.trajectories.subarray(j * Q * n, (j + 1) * Q * n)),
        type: "DOUBLE" as const,
      })),
    ],
  });
  return path;
}

/** Columns of the long-form band tables after period, entity and metric. */
const BAND = ["mean", "sd", "p5", "p25", "p50", "p75", "p95"] as const;

/** The bands of `result` as CSV, one row per period, entity and metric. */
function bandsCsv(result: MonteCarloResult, period: "quarter" | "year"): string {
  const labels = period === "quarter" ? result.quarters : result.years.map(String);
  const lines = [[period, "entity", "metric", ...BAND].join(",")];
  labels.forEach((label, t) => {
    for (const [entity, metrics] of Object.entries(result.summary))
      for (const metric of SERIES) {
        const band = (period === "quarter" ? metrics[metric].quarters : metrics[metric].years)[t];
        if (band)
          lines.push([label, entity, metric, ...BAND.map((k) => String(band[k]))].join(","));
      }
  });
  return `${lines.join("\n")}\n`;
}

/**
 * Writes the run's files into `dir` (created if missing) and returns their paths. The inputs in
 * samples.parquet are the assumptions that do not change over time (those that do hold their
 * last quarter's value, which would mislead), in file order, after a `sample` index column.
 */
export function writeRunDirectory(
  dir: string,
  result: MonteCarloResult,
  model: Model,
  buffers: MonteCarloBuffers,
  outputNames: readonly string[],
): string[] {
  makeFolder(dir);
  const paths = ["summary.json", "series.csv", "series-years.csv", "samples.parquet"].map((f) =>
    join(dir, f),
  );
  const [summary, series, years, samples] = paths as [string, string, string, string];
  if (buffers.trajectories.length > 0) paths.push(writeTrajectories(dir, result, buffers));
  writeFileSync(summary, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(series, bandsCsv(result, "quarter"));
  writeFileSync(years, bandsCsv(result, "year"));
  const inputs = model.assumptions.flatMap((a, i) => (a.timeVarying ? [] : [{ name: a.name, i }]));
  parquetWriteFile({
    filename: samples,
    columnData: [
      { name: "sample", data: Array.from({ length: result.samples }, (_, i) => i), type: "INT32" },
      ...inputs.map(({ name, i }) => ({
        name,
        data: Array.from(buffers.columns[i] as Float64Array),
        type: "DOUBLE" as const,
      })),
      ...outputNames.map((name, o) => ({
        name,
        data: Array.from(buffers.outputs[o] as Float64Array),
        type: "DOUBLE" as const,
      })),
    ],
  });
  return paths;
}
