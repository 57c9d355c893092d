// A Monte Carlo run described as plain data (so it can be sent to worker threads), and the
// buffers it shares between the threads: sample columns, the quarter's series, the running
// yearly sums, declared outputs and the summaries.

import type { Model } from "../model/model.js";
import type { OutputsPlan } from "../outputs/outputsPlan.js";
import { recordingPlan } from "../outputs/recordingPlan.js";
import { type ColumnMemory, columnMemory, columnsIn } from "../sample/columnMemory.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import { quarterLabel } from "../scenario/quarter.js";
import type { Scenario } from "../scenario/scenario.js";
import type { WasmMemory } from "../wasm/platform.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { compileSlots, type ObligationSlots } from "./obligationSlots.js";
import { SERIES, STOCK_SERIES } from "./result.js";
import { wholeRunModule } from "./wholeRunKernel.js";

/** Statistics stored per summary: mean, sd, p5, p25, p50, p75, p95. */
export const SUMMARY_FIELDS = 7;

/** Everything a thread needs to run its part of a Monte Carlo run. Plain, cloneable data. */
export interface MonteCarloJob {
  readonly scenario: string;
  readonly model: Model;
  readonly system: CompiledSystem;
  readonly slots: ObligationSlots;
  /** The scenario's declared outputs. */
  readonly outputs: OutputsPlan;
  readonly correlation: CorrelationTarget | null;
  /** Samples and seed. */
  readonly samples: number;
  readonly seed: number;
  /** Keep every sample's series in every quarter (MonteCarloBuffers.trajectories). */
  readonly keepTrajectories: boolean;
  /**
   * Whether the assumptions may be evaluated by fused kernels, code generated with `new Function`
   * (fusedKernel.ts) or compiled to WebAssembly over columns in one memory (wasmKernel.ts). False
   * where the platform refuses generated code, as the web app's Content-Security-Policy does: the
   * column interpreter then runs over plain columns without a refused attempt.
   */
  readonly kernels: boolean;
  /** Quarter labels, calendar years, and per quarter the index of its year. */
  readonly quarters: readonly string[];
  readonly years: readonly number[];
  readonly yearOf: readonly number[];
  /**
   * For a model without companies, the module of the kernel that takes each sample through every
   * quarter in one pass (wholeRunKernel.ts), compiled with the job as its model is; null when the
   * run goes quarter by quarter.
   */
  readonly wholeRun: Uint8Array | null;
}

/** Builds the job of a run. */
export function monteCarloJob(
  scenario: Scenario,
  model: Model,
  system: CompiledSystem,
  options: {
    readonly samples: number;
    readonly seed: number;
    readonly correlation?: CorrelationTarget | null;
    readonly outputs?: OutputsPlan;
    readonly keepTrajectories?: boolean;
    /** MonteCarloJob.kernels (default true). */
    readonly kernels?: boolean;
  },
): MonteCarloJob {
  const quarters = Array.from({ length: system.quarters }, (_, q) =>
    quarterLabel(system.start + q),
  );
  const yearNumbers = quarters.map((q) => Number(q.slice(0, 4)));
  const years = [...new Set(yearNumbers)];
  const outputs = options.outputs ?? {
    outputs: [],
    series: [],
    assumptions: [],
    defaults: false,
    start: system.start,
    quarters: system.quarters,
    programs: [],
  };
  const run = {
    model,
    system,
    outputs,
    samples: options.samples,
    keepTrajectories: options.keepTrajectories ?? false,
    kernels: options.kernels ?? true,
  };
  return {
    ...run,
    scenario: scenario.name,
    slots: compileSlots(system),
    correlation: options.correlation ?? null,
    seed: options.seed,
    quarters,
    years,
    yearOf: yearNumbers.map((y) => years.indexOf(y)),
    wholeRun: wholeRunModule(run),
  };
}

/** Number of entity series (entities × SERIES). */
export function seriesCount(job: MonteCarloJob): number {
  return job.system.entities.length * SERIES.length;
}

/** For each series, its row among the flows (the rows of the yearly sums), or −1 for a stock. */
const FLOW_ROW: readonly number[] = (() => {
  let next = 0;
  return SERIES.map((name) => (STOCK_SERIES.has(name) ? -1 : next++));
})();

/** Number of flow series per entity. */
const FLOWS = FLOW_ROW.filter((row) => row >= 0).length;

/** Row of the yearly sums of series `m` of entity `e` (a flow). */
export function yearRow(e: number, m: number): number {
  return e * FLOWS + (FLOW_ROW[m] as number);
}

/** Number of summaries: per series and quarter, per series and year, per output. */
export function summaryCount(job: MonteCarloJob): number {
  return seriesCount(job) * (job.quarters.length + job.years.length) + job.outputs.outputs.length;
}

/** Shared memory of a run. Every array is indexed by absolute sample number within a row. */
export interface MonteCarloBuffers {
  /**
   * One column per assumption: its samples, for those that do not read the clock. The columns of
   * the others are working space, whose values after a run are not part of its result.
   */
  readonly columns: readonly Float64Array[];
  /** The WebAssembly memory the columns lie in (they are its `columns`), or null. */
  readonly memory: ColumnMemory | null;
  /** The current quarter's series: [series · samples + sample]. */
  readonly series: Float64Array;
  /** Running sums of the flows over the current year: [yearRow(e, m) · samples + sample]. */
  readonly years: Float64Array;
  /** One column per declared output. */
  readonly outputs: readonly Float64Array[];
  /** When the job keeps them, every series in every quarter: [(series · Q + q) · samples + sample]. */
  readonly trajectories: Float64Array;
  /** SUMMARY_FIELDS numbers per summary (see summaryCount). */
  readonly summaries: Float64Array;
}

/**
 * The buffers as a class, not an object literal, so that a second run in the same process (or
 * thread) keeps the compiled code that reads them (see Ctx).
 */
class Buffers implements MonteCarloBuffers {
  constructor(
    readonly memory: ColumnMemory | null,
    readonly columns: readonly Float64Array[],
    readonly series: Float64Array,
    readonly years: Float64Array,
    readonly outputs: readonly Float64Array[],
    readonly trajectories: Float64Array,
    readonly summaries: Float64Array,
  ) {}
}

/** Bytes of the shared buffers of `job`, to refuse runs that cannot fit before allocating. */
function sharedBytes(job: MonteCarloJob): number {
  const flows = job.system.entities.length * FLOWS;
  const kept = job.keepTrajectories ? seriesCount(job) * job.quarters.length : 0;
  const rows =
    job.model.assumptions.length + seriesCount(job) + flows + job.outputs.outputs.length + kept;
  return 8 * (rows * job.samples + summaryCount(job) * SUMMARY_FIELDS);
}

/**
 * Bytes of simulation state per sample (see simState.ts) and of the values recorded for the
 * declared outputs (recordingPlan.ts), besides the shared buffers.
 */
function stateBytesPerSample(job: MonteCarloJob): number {
  const E = job.system.entities.length;
  const C = job.system.contracts.length;
  const K = job.system.capacity.length;
  const Q = job.system.quarters;
  const recorded = recordingPlan(job.outputs).slots.length;
  return 8 * (9 * E + E * E + E * Q + 2 * C + 2 * K + recorded);
}

/** Bytes a run of `job` needs in all: shared buffers and every thread's state. */
export function runBytes(job: MonteCarloJob): number {
  return sharedBytes(job) + stateBytesPerSample(job) * job.samples;
}

/**
 * Allocates the buffers of a run: SharedArrayBuffers when `shared` (for several threads),
 * ArrayBuffers otherwise; the columns in one WebAssembly memory where the job runs kernels and
 * the platform allows (see columnMemory.ts), and with `outputsInMemory` the output columns after
 * them there, for a kernel to write (wholeRun.ts).
 */
export function allocateBuffers(
  job: MonteCarloJob,
  shared: boolean,
  outputsInMemory = false,
): MonteCarloBuffers {
  const n = job.samples;
  const f = (length: number) =>
    new Float64Array(shared ? new SharedArrayBuffer(8 * length) : new ArrayBuffer(8 * length));
  const count = job.model.assumptions.length;
  const outputs = job.outputs.outputs.length;
  const all = job.kernels ? columnMemory(count + (outputsInMemory ? outputs : 0), n, shared) : null;
  const memory = all && { memory: all.memory, columns: all.columns.slice(0, count) };
  return new Buffers(
    memory,
    memory?.columns ?? Array.from({ length: count }, () => f(n)),
    f(seriesCount(job) * n),
    f(job.system.entities.length * FLOWS * n),
    all !== null && outputsInMemory
      ? all.columns.slice(count)
      : job.outputs.outputs.map(() => f(n)),
    f(job.keepTrajectories ? seriesCount(job) * job.quarters.length * n : 0),
    f(summaryCount(job) * SUMMARY_FIELDS),
  );
}

/**
 * `buffers` with another quarter buffer: the series written through the result go to `series`;
 * every other buffer is shared.
 */
export function withSeries(buffers: MonteCarloBuffers, series: Float64Array): MonteCarloBuffers {
  const { memory, columns, years, outputs, trajectories, summaries } = buffers;
  return new Buffers(memory, columns, series, years, outputs, trajectories, summaries);
}

/** The buffers' underlying memory, to send to another thread. */
export function bufferMemory(buffers: MonteCarloBuffers): {
  /** The WebAssembly memory of the columns, or each column's buffer. */
  readonly columns: WasmMemory | ArrayBufferLike[];
  readonly series: ArrayBufferLike;
  readonly years: ArrayBufferLike;
  /** Each output column's buffer; none when they lie after the columns in their memory. */
  readonly outputs: ArrayBufferLike[];
  /** Whether the output columns lie after the columns in their memory (allocateBuffers). */
  readonly outputsInMemory: boolean;
  readonly trajectories: ArrayBufferLike;
  readonly summaries: ArrayBufferLike;
} {
  const inMemory = buffers.outputs.some((c) => c.buffer === buffers.memory?.memory.buffer);
  return {
    columns: buffers.memory?.memory ?? buffers.columns.map((c) => c.buffer),
    series: buffers.series.buffer,
    years: buffers.years.buffer,
    outputs: inMemory ? [] : buffers.outputs.map((c) => c.buffer),
    outputsInMemory: inMemory,
    trajectories: buffers.trajectories.buffer,
    summaries: buffers.summaries.buffer,
  };
}

/**
 * The columns of a run of `job` again, from their WebAssembly memory or their buffers, and the
 * output columns when they lie after them in the memory (`outputsInMemory`).
 */
function columnsFrom(
  columns: WasmMemory | ArrayBufferLike[],
  job: MonteCarloJob,
  outputsInMemory: boolean,
): {
  readonly memory: ColumnMemory | null;
  readonly columns: readonly Float64Array[];
  readonly outputs: readonly Float64Array[];
} {
  if (Array.isArray(columns))
    return { memory: null, columns: columns.map((b) => new Float64Array(b)), outputs: [] };
  const count = job.model.assumptions.length;
  const outputs = outputsInMemory ? job.outputs.outputs.length : 0;
  const all = columnsIn(columns, count + outputs, job.samples).columns;
  const memory = { memory: columns, columns: all.slice(0, count) };
  return { memory, columns: memory.columns, outputs: all.slice(count) };
}

/** The buffers of a run of `job` again, from their memory (in a worker thread). */
export function buffersFrom(
  memory: ReturnType<typeof bufferMemory>,
  job: MonteCarloJob,
): MonteCarloBuffers {
  const columns = columnsFrom(memory.columns, job, memory.outputsInMemory);
  return new Buffers(
    columns.memory,
    columns.columns,
    new Float64Array(memory.series),
    new Float64Array(memory.years),
    memory.outputsInMemory ? columns.outputs : memory.outputs.map((b) => new Float64Array(b)),
    new Float64Array(memory.trajectories),
    new Float64Array(memory.summaries),
  );
}
