// What one thread does with its share of a Monte Carlo run (a Chunk: a contiguous range of sample
// blocks whose assumptions it evaluates, a contiguous range of samples it simulates, split evenly,
// not by block, so that threads stay balanced when there are few blocks): sampling, each quarter's
// evaluation and step, and the declared outputs at the end. Every function here reads and writes
// only its own samples' entries of the shared buffers, so any split of the blocks gives the same
// bits.

import { evaluateOutputs } from "../outputs/evaluateOutputs.js";
import type { SeriesRef } from "../outputs/outputsPlan.js";
import { recordQuarter } from "../outputs/recordQuarter.js";
import { clockAt, evaluateBlocks } from "../sample/evaluateBlocks.js";
import type { Program } from "../sample/program.js";
import { reorderCorrelated, samplingPhases } from "../sample/sampleModel.js";
import type { Chunk, ChunkCounts } from "./chunk.js";
import { type MonteCarloBuffers, type MonteCarloJob, yearRow } from "./monteCarloJob.js";
import { SERIES, SERIES_INDEX, STOCK_SERIES } from "./result.js";
import { stepSamples } from "./stepSamples.js";

const M = SERIES.length;
const STOCK = SERIES.map((name) => STOCK_SERIES.has(name));

/** The part of a chunk that sampling reads: its blocks, issues and evaluator memory. */
type SamplingChunk = Pick<Chunk, "fromBlock" | "toBlock" | "issues" | "work">;

/** Evaluates the assumptions in `order` for the chunk's blocks, as of the first quarter. */
export function sampleChunk(
  job: MonteCarloJob,
  program: Program,
  buffers: MonteCarloBuffers,
  chunk: SamplingChunk,
  order: readonly number[],
): void {
  evaluateBlocks(
    program,
    buffers.columns,
    {
      samples: job.samples,
      seed: job.seed,
      fromBlock: chunk.fromBlock,
      toBlock: chunk.toBlock,
      clock: clockAt(job.system.start, 0),
      order,
    },
    chunk.issues,
    chunk.work,
    buffers.memory,
  );
}

/**
 * Draws the chunk's samples of the assumptions in `order` (default: every one), in correlation
 * phases when the job has any, reordering the correlated columns between them (one thread only).
 */
export function sampleRun(
  job: MonteCarloJob,
  program: Program,
  buffers: MonteCarloBuffers,
  chunk: SamplingChunk,
  order: readonly number[] = program.order,
): void {
  samplingPhases(order, job.correlation).forEach((phaseOrder, phase) => {
    if (phase > 0 && job.correlation) reorderCorrelated(buffers.columns, job.correlation, job.seed);
    sampleChunk(job, program, buffers, chunk, phaseOrder);
  });
}

/**
 * Evaluates, for the chunk's blocks, the assumptions that read the clock as of quarter `q`. Every
 * thread must have done so before any steps the quarter (their samples may lie in others' blocks).
 */
export function evaluateQuarter(
  job: MonteCarloJob,
  program: Program,
  varying: readonly number[],
  buffers: MonteCarloBuffers,
  chunk: Chunk,
  q: number,
): void {
  const columns = buffers.columns;
  const n = job.samples;
  const { system } = job;
  evaluateBlocks(
    program,
    columns,
    {
      samples: n,
      seed: job.seed,
      fromBlock: chunk.fromBlock,
      toBlock: chunk.toBlock,
      clock: clockAt(system.start, q),
      order: varying,
    },
    chunk.issues,
    chunk.work,
    buffers.memory,
  );
}

/*
 * Each loop over the chunk's samples is a function of its own: V8 compiles a long loop on the
 * stack (on-stack replacement) before the code after it has run, and that code, compiled without
 * feedback, deoptimises on its first use; in one function with the whole step, each such
 * deoptimisation threw away the step's compiled code too.
 */

/** Each entity's cash and debt at the start, from their columns. */
function startState(job: MonteCarloJob, columns: readonly Float64Array[], chunk: Chunk): void {
  const { state, count, from } = chunk;
  job.system.entities.forEach((e, k) => {
    // One reader per entity, not a closure (and a context for `i`) per sample: 2.5 MB per ono run.
    let sample = from;
    const read = (a: number) => (columns[a] as Float64Array)[sample] as number;
    for (let i = 0; i < count; i++, sample++) state.open(i, k, e, read);
  });
}

/** Adds the quarter's flows into the running yearly sums (the first quarter of a year copies). */
function addToYears(job: MonteCarloJob, buffers: MonteCarloBuffers, chunk: Chunk, q: number): void {
  const { count, from } = chunk;
  const n = job.samples;
  const E = job.system.entities.length;
  const newYear = q === 0 || job.yearOf[q] !== job.yearOf[q - 1];
  const { series, years } = buffers;
  for (let j = 0; j < E * M; j++) {
    if (STOCK[j % M]) continue;
    const offset = j * n + from;
    const sums = yearRow(Math.floor(j / M), j % M) * n + from;
    if (newYear) years.set(series.subarray(offset, offset + count), sums);
    else
      for (let i = 0; i < count; i++)
        years[sums + i] = (years[sums + i] as number) + (series[offset + i] as number);
  }
}

/** Counts each entity's defaults and samples short of cash (and, at a year's end, profitable). */
function countEvents(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  chunk: Chunk,
  q: number,
): void {
  const { state, count, from, counts } = chunk;
  const n = job.samples;
  const E = job.system.entities.length;
  const Q = job.system.quarters;
  const { series, years } = buffers;
  const endOfYear = q === Q - 1 || job.yearOf[q + 1] !== job.yearOf[q];
  const y = job.yearOf[q] as number;
  for (let k = 0; k < E; k++) {
    let defaulted = 0;
    let short = 0;
    const cashRow = (k * M + SERIES_INDEX.cash) * n + from;
    for (let i = 0; i < count; i++) {
      if ((state.defaultedAt[i * E + k] as number) >= 0) defaulted++;
      if ((series[cashRow + i] as number) - (state.outsideRaised[i * E + k] as number) < 0)
        chunk.short[k * count + i] = 1;
      short += chunk.short[k * count + i] as number;
    }
    counts.defaulted[k * Q + q] = defaulted;
    counts.short[k * Q + q] = short;
    if (endOfYear) {
      const incomeRow = yearRow(k, SERIES_INDEX.netIncome) * n + from;
      let profitable = 0;
      for (let i = 0; i < count; i++) if ((years[incomeRow + i] as number) > 0) profitable++;
      counts.profitable[k * job.years.length + y] = profitable;
    }
  }
}

/**
 * Steps the chunk's samples through quarter `q` (after evaluateQuarter): the series go to the
 * shared quarter buffer and the running yearly values, and the chunk's counts are updated.
 */
export function stepChunk(
  job: MonteCarloJob,
  buffers: MonteCarloBuffers,
  chunk: Chunk,
  q: number,
): void {
  const { system } = job;
  const { state, count, from } = chunk;
  const n = job.samples;
  const E = system.entities.length;
  const Q = system.quarters;
  const columns = buffers.columns;
  if (q === 0) startState(job, columns, chunk);
  if (E > 0) {
    const io = { columns, base: from, out: buffers.series, stride: n, outBase: from };
    const error = stepSamples(system, job.slots, state, q, io, chunk.scratch);
    chunk.maxError = Math.max(chunk.maxError, error);
  }
  addToYears(job, buffers, chunk, q);
  const { series } = buffers;
  if (job.keepTrajectories)
    for (let j = 0; j < E * M; j++)
      buffers.trajectories.set(
        series.subarray(j * n + from, j * n + from + count),
        (j * Q + q) * n + from,
      );
  recordQuarter(
    chunk.recorded,
    q,
    (source, ref) => {
      if (source === "assumption")
        return (columns[job.outputs.assumptions[ref] as number] as Float64Array).subarray(
          from,
          from + count,
        );
      const { entity, metric } = job.outputs.series[ref] as SeriesRef;
      const offset = (entity * M + SERIES_INDEX[metric]) * n + from;
      return series.subarray(offset, offset + count);
    },
    { start: job.system.start, offset: from, issues: chunk.issues },
  );
  countEvents(job, buffers, chunk, q);
}

/**
 * Evaluates the declared outputs for the chunk's samples into the shared output columns, once
 * every quarter has been stepped. Non-finite values are recorded in the chunk's issues.
 */
export function finishChunk(job: MonteCarloJob, buffers: MonteCarloBuffers, chunk: Chunk): void {
  const { state, count, recorded } = chunk;
  const E = job.system.entities.length;
  for (let k = 0; k < E; k++)
    for (let i = 0; i < count; i++)
      recorded.defaultedAt[k * count + i] = state.defaultedAt[i * E + k] as number;
  evaluateOutputs(job.outputs, recorded, buffers.outputs, chunk.from, chunk.issues);
}

/** Adds `other`'s counts into `into`. */
export function addCounts(into: ChunkCounts, other: ChunkCounts): void {
  for (const key of ["defaulted", "short", "profitable"] as const) {
    const a = into[key];
    const b = other[key];
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] as number);
  }
}
