// The sample stage: draws every uncertain assumption and evaluates every formula for n samples,
// one Float64Array column per assumption.

import { imanConover } from "../analysis/imanConover.js";
import { MAX_COLUMN_BYTES } from "../defaults.js";
import type { Model } from "../model/model.js";
import { BLOCK_SIZE } from "../rng/index.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import type { Result } from "../scenario/diagnostic.js";
import { DomainIssues, domainDiagnostics } from "./domainIssues.js";
import { clockAt, evaluateBlocks } from "./evaluateBlocks.js";
import { compileProgram } from "./program.js";

/** How many samples to draw, and from which seed. */
export interface SampleOptions {
  /** Number of samples (≥ 1). */
  readonly samples: number;
  /** Seed of the random streams (a safe integer). */
  readonly seed: number;
  /** Index of the scenario's first quarter: formulas that read the clock see that quarter. */
  readonly start: number;
  /** Target rank correlations among uncertain columns (Iman–Conover), when any. */
  readonly correlation?: CorrelationTarget | null;
}

/** The samples of every assumption. */
export interface Samples {
  /** Number of samples. */
  readonly samples: number;
  /** The seed they were drawn from. */
  readonly seed: number;
  /** One column per assumption, in the model's (file) order. */
  readonly columns: readonly Float64Array[];
}

/**
 * The orders in which to evaluate assumptions: all at once without correlations; with them,
 * the correlated inputs first, then (after they are reordered) everything else.
 */
export function samplingPhases(
  order: readonly number[],
  correlation: CorrelationTarget | null,
): number[][] {
  const correlated = correlation?.columns ?? [];
  if (correlated.length === 0) return [[...order]];
  return [[...correlated], order.filter((i) => !correlated.includes(i))];
}

/** Reorders the correlated input columns towards their target rank correlations (Iman–Conover). */
export function reorderCorrelated(
  columns: readonly Float64Array[],
  correlation: CorrelationTarget,
  seed: number,
): void {
  imanConover(
    correlation.columns.map((i) => columns[i] as Float64Array),
    correlation.matrix,
    seed,
  );
}

/** The most samples whose columns fit in MAX_COLUMN_BYTES for a model with `columns` columns. */
export function maxSamples(columns: number): number {
  return Math.floor(MAX_COLUMN_BYTES / (8 * Math.max(1, columns)));
}

/**
 * Draws `samples` samples of every assumption (those that read the clock see the first quarter). Samples whose value is not finite (a division by
 * zero in some samples, say) make the result a failure whose diagnostics count them.
 *
 * @example sampleModel(model, { samples: 10_000, seed: 1, start: scenario.start })
 */
export function sampleModel(model: Model, options: SampleOptions): Result<Samples> {
  const { samples, seed, start } = options;
  if (
    !Number.isSafeInteger(samples) ||
    samples < 1 ||
    samples > maxSamples(model.assumptions.length)
  ) {
    throw new RangeError(
      `samples must be an integer in [1, ${maxSamples(model.assumptions.length)}], got ${samples}`,
    );
  }
  const program = compileProgram(model);
  const columns = model.assumptions.map(() => new Float64Array(samples));
  const issues = new DomainIssues();
  const blocks = Math.ceil(samples / BLOCK_SIZE);
  const range = { samples, seed, fromBlock: 0, toBlock: blocks, clock: clockAt(start, 0) };
  samplingPhases(program.order, options.correlation ?? null).forEach((order, phase) => {
    if (phase > 0) reorderCorrelated(columns, options.correlation as CorrelationTarget, seed);
    evaluateBlocks(program, columns, { ...range, order }, issues);
  });
  const found = issues.list();
  if (found.length > 0) return { ok: false, diagnostics: domainDiagnostics(found, samples) };
  return { ok: true, value: { samples, seed, columns } };
}
