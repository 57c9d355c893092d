// The summaries of a Monte Carlo run: which are ready after each quarter, computing one into the
// shared summary buffer (each depends on one whole column only, so threads can share the work in
// any way and still agree bit for bit), and the result document built from them.

import type { SummaryScratch } from "../sample/orderStatistics.js";
import { type Summary, summarizeInto } from "../sample/summarize.js";
import type { ChunkCounts } from "./chunk.js";
import {
  type MonteCarloBuffers,
  type MonteCarloJob,
  SUMMARY_FIELDS,
  seriesCount,
  yearRow,
} from "./monteCarloJob.js";
import { SERIES, type SeriesName, STOCK_SERIES } from "./result.js";

const M = SERIES.length;
const STOCK = SERIES.map((name) => STOCK_SERIES.has(name));

/** Quantile bands of one metric of one entity. */
export interface MetricSummary {
  /** One summary per quarter. */
  readonly quarters: Summary[];
  /** One summary per calendar year (flows summed over the year, stocks at its end). */
  readonly years: Summary[];
}

/** What is known about one entity's defaults and funding across the samples. */
export interface EntityProbabilities {
  /** P(defaulted by the end of each quarter). */
  readonly defaultBy: number[];
  /** P(the default happens in each quarter); `never` is the rest. */
  readonly defaultQuarter: { readonly quarters: number[]; readonly never: number };
  /** P(net income > 0) in each year. */
  readonly profitableIn: number[];
  /** P(cash net of all outside money raised so far has been below zero by each quarter): how
   * likely the entity could not have got this far on its own and its loop partners' money. */
  readonly needsOutsideMoneyBy: number[];
}

/** Summary of a declared output. */
export interface OutputSummary extends Summary {
  /** For a yes/no output: the share of samples where it holds. */
  readonly probability?: number;
}

/** The result of a Monte Carlo run. */
export interface MonteCarloResult {
  /** Scenario name. */
  readonly scenario: string;
  /** Samples drawn. */
  readonly samples: number;
  /** Seed. */
  readonly seed: number;
  /** Quarter labels. */
  readonly quarters: string[];
  /** Calendar years covered. */
  readonly years: number[];
  /** Summaries by entity id and series name. */
  readonly summary: Record<string, Record<SeriesName, MetricSummary>>;
  /** Per entity: defaults, profits and reliance on outside money. */
  readonly probabilities: Record<string, EntityProbabilities>;
  /** Summaries of the scenario's declared outputs, by name. */
  readonly outputs: Record<string, OutputSummary>;
  /** Invariant checks over every sample and quarter. */
  readonly checks: { readonly conservation: { readonly maxAbsError: number } };
}

/** Index of the summary of series `j` in quarter `q`. */
function quarterSlot(job: MonteCarloJob, j: number, q: number): number {
  return j * job.quarters.length + q;
}

/** Index of the summary of series `j` in year `y`. */
function yearSlot(job: MonteCarloJob, j: number, y: number): number {
  return seriesCount(job) * job.quarters.length + j * job.years.length + y;
}

/** Index of the summary of output `o`. */
function outputSlot(job: MonteCarloJob, o: number): number {
  return seriesCount(job) * (job.quarters.length + job.years.length) + o;
}

/** A summary to compute: where it goes and which column it reads. */
export interface SummaryTask {
  readonly slot: number;
  readonly source: "series" | "years" | "outputs";
  readonly row: number;
}

/**
 * The summaries ready once quarter `q` has been stepped by every thread. A stock's yearly summary
 * is its summary in the year's last quarter, so only flows get yearly tasks.
 */
export function quarterTasks(job: MonteCarloJob, q: number): SummaryTask[] {
  const tasks: SummaryTask[] = [];
  const J = seriesCount(job);
  for (let j = 0; j < J; j++)
    tasks.push({ slot: quarterSlot(job, j, q), source: "series", row: j });
  const endOfYear = q === job.quarters.length - 1 || job.yearOf[q + 1] !== job.yearOf[q];
  if (endOfYear)
    for (let j = 0; j < J; j++)
      if (!STOCK[j % M])
        tasks.push({
          slot: yearSlot(job, j, job.yearOf[q] as number),
          source: "years",
          row: yearRow(Math.floor(j / M), j % M),
        });
  return tasks;
}

/** The summaries of the declared outputs, ready once every output has been evaluated. */
export function outputTasks(job: MonteCarloJob): SummaryTask[] {
  return job.outputs.outputs.map((_, o) => ({
    slot: outputSlot(job, o),
    source: "outputs",
    row: o,
  }));
}

/** Computes one summary into the shared summary buffer, with the thread's `scratch`. */
export function runSummaryTask(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  task: SummaryTask,
  scratch: SummaryScratch,
): void {
  const n = job.samples;
  const column =
    task.source === "outputs"
      ? (buffers.outputs[task.row] as Float64Array)
      : buffers[task.source].subarray(task.row * n, (task.row + 1) * n);
  summarizeInto(column, buffers.summaries, task.slot * SUMMARY_FIELDS, scratch);
}

function summaryAt(summaries: Float64Array, slot: number): Summary {
  const at = slot * SUMMARY_FIELDS;
  const [mean, sd, p5, p25, p50, p75, p95] = Array.from(
    summaries.subarray(at, at + SUMMARY_FIELDS),
  ) as [number, number, number, number, number, number, number];
  return { mean, sd, p5, p25, p50, p75, p95 };
}

/** The result document, from the computed summaries and the chunks' summed counts. */
export function monteCarloResult(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  counts: ChunkCounts,
  maxAbsError: number,
): MonteCarloResult {
  const n = job.samples;
  const Q = job.quarters.length;
  const Y = job.years.length;
  const summary: Record<string, Record<SeriesName, MetricSummary>> = {};
  const probabilities: Record<string, EntityProbabilities> = {};
  job.system.entities.forEach((e, k) => {
    const byName: Partial<Record<SeriesName, MetricSummary>> = {};
    SERIES.forEach((name, m) => {
      const j = k * M + m;
      byName[name] = {
        quarters: job.quarters.map((_, q) => summaryAt(buffers.summaries, quarterSlot(job, j, q))),
        years: job.years.map((_, y) =>
          summaryAt(
            buffers.summaries,
            STOCK[m] ? quarterSlot(job, j, job.yearOf.lastIndexOf(y)) : yearSlot(job, j, y),
          ),
        ),
      };
    });
    summary[e.id] = byName as Record<SeriesName, MetricSummary>;
    const defaulted = Array.from(counts.defaulted.subarray(k * Q, (k + 1) * Q));
    probabilities[e.id] = {
      defaultBy: defaulted.map((c) => c / n),
      defaultQuarter: {
        quarters: defaulted.map((c, q) => (c - (q > 0 ? (defaulted[q - 1] as number) : 0)) / n),
        never: (n - (defaulted[Q - 1] ?? 0)) / n,
      },
      profitableIn: Array.from(counts.profitable.subarray(k * Y, (k + 1) * Y), (c) => c / n),
      needsOutsideMoneyBy: Array.from(counts.short.subarray(k * Q, (k + 1) * Q), (c) => c / n),
    };
  });
  const outputs: Record<string, OutputSummary> = {};
  job.outputs.outputs.forEach((o, i) => {
    const s = summaryAt(buffers.summaries, outputSlot(job, i));
    outputs[o.name] = o.boolean ? { ...s, probability: s.mean } : s;
  });
  return {
    scenario: job.scenario,
    samples: n,
    seed: job.seed,
    quarters: [...job.quarters],
    years: [...job.years],
    summary,
    probabilities,
    outputs,
    checks: { conservation: { maxAbsError } },
  };
}
