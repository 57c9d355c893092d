// The Monte Carlo run: every sample of every uncertain assumption through the whole quarterly
// simulation, all samples stepped together quarter by quarter, with summaries streamed as the
// quarters go (no trajectory is kept).

import type { Model } from "../model/model.js";
import { BLOCK_SIZE } from "../rng/index.js";
import { DomainIssues, domainDiagnostics } from "../sample/domainIssues.js";
import { clockAt, evaluateBlocks } from "../sample/evaluateBlocks.js";
import { compileProgram } from "../sample/program.js";
import { sampleModel } from "../sample/sampleModel.js";
import { type Summary, summarize } from "../sample/summarize.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import type { Result } from "../scenario/diagnostic.js";
import { quarterLabel } from "../scenario/quarter.js";
import type { Scenario } from "../scenario/scenario.js";
import { type CompiledSystem, compileSystem } from "./compiledSystem.js";
import { timeVaryingOrder } from "./pointValues.js";
import { SERIES, STOCK_SERIES, type SeriesName } from "./result.js";
import { allocateState } from "./simState.js";
import { CONSERVATION_TOLERANCE, ConservationError } from "./simulatePoint.js";
import { stepQuarter } from "./stepQuarter.js";

/** How many samples and from which seed. */
export interface MonteCarloOptions {
  /** Samples (≥ 1). */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
  /** Target rank correlations among uncertain inputs, when any. */
  readonly correlation?: CorrelationTarget | null;
  /** Called after each quarter with the quarters done and the total (for a progress bar). */
  readonly onQuarter?: (done: number, total: number) => void;
}

/** Quantile bands of one metric of one entity. */
export interface MetricSummary {
  /** One summary per quarter. */
  readonly quarters: Summary[];
  /** One summary per calendar year (flows summed over the year, stocks at its end). */
  readonly years: Summary[];
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
  /** Per entity: P(defaulted by the end of each quarter), and P(net income > 0) in each year. */
  readonly probabilities: Record<
    string,
    { readonly defaultBy: number[]; readonly profitableIn: number[] }
  >;
  /** Invariant checks over every sample and quarter. */
  readonly checks: { readonly conservation: { readonly maxAbsError: number } };
}

/**
 * Runs `samples` samples of `scenario`. The same seed gives the same result bit for bit. Fails
 * with diagnostics when some samples of an assumption are not finite numbers.
 */
export function simulateMonteCarlo(
  scenario: Scenario,
  model: Model,
  options: MonteCarloOptions,
  system: CompiledSystem = compileSystem(scenario, model),
): Result<MonteCarloResult> {
  const { samples: n, seed } = options;
  const drawn = sampleModel(model, {
    samples: n,
    seed,
    start: scenario.start,
    correlation: options.correlation ?? null,
  });
  if (!drawn.ok) return drawn;
  const columns = drawn.value.columns;
  const program = compileProgram(model);
  const varying = timeVaryingOrder(model);
  const issues = new DomainIssues();
  const E = system.entities.length;
  const Q = system.quarters;
  const state = allocateState(n, E, system.contracts.length, system.capacity.length, Q);
  for (let s = 0; s < n; s++) {
    system.entities.forEach((e, k) => {
      state.cash[k * n + s] = e.cash < 0 ? 0 : ((columns[e.cash] as Float64Array)[s] as number);
      state.debt[k * n + s] =
        e.debt < 0 ? 0 : Math.max(0, (columns[e.debt] as Float64Array)[s] as number);
    });
  }
  const quarters = Array.from({ length: Q }, (_, q) => quarterLabel(scenario.start + q));
  const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
  const buffers = system.entities.map(() => SERIES.map(() => new Float64Array(n)));
  const yearly = system.entities.map(() => SERIES.map(() => new Float64Array(n)));
  const summary: Record<string, Record<SeriesName, MetricSummary>> = {};
  for (const e of system.entities) {
    const byName: Partial<Record<SeriesName, MetricSummary>> = {};
    for (const name of SERIES) byName[name] = { quarters: [], years: [] };
    summary[e.id] = byName as Record<SeriesName, MetricSummary>;
  }
  const defaultBy = system.entities.map(() => [] as number[]);
  const profitableIn = system.entities.map(() => [] as number[]);
  let maxAbsError = 0;
  let s = 0;
  const v = (column: number) => (column < 0 ? 0 : ((columns[column] as Float64Array)[s] as number));
  for (let q = 0; q < Q; q++) {
    const clock = clockAt(scenario.start, q);
    evaluateBlocks(
      program,
      columns,
      { samples: n, seed, fromBlock: 0, toBlock: Math.ceil(n / BLOCK_SIZE), clock, order: varying },
      issues,
    );
    for (s = 0; s < n; s++) {
      const report = stepQuarter(system, state, q, s, v);
      maxAbsError = Math.max(maxAbsError, Math.abs(report.cashChange - report.externalNet));
      for (let e = 0; e < E; e++) {
        const row = report.series[e] as Record<SeriesName, number>;
        SERIES.forEach((name, m) => {
          ((buffers[e] as Float64Array[])[m] as Float64Array)[s] = row[name];
        });
      }
    }
    const endOfYear = q === Q - 1 || quarters[q + 1]?.slice(0, 4) !== quarters[q]?.slice(0, 4);
    system.entities.forEach((e, k) => {
      const byName = summary[e.id] as Record<SeriesName, MetricSummary>;
      SERIES.forEach((name, m) => {
        const values = (buffers[k] as Float64Array[])[m] as Float64Array;
        const year = (yearly[k] as Float64Array[])[m] as Float64Array;
        byName[name].quarters.push(summarize(values));
        for (let i = 0; i < n; i++)
          year[i] = STOCK_SERIES.has(name)
            ? (values[i] as number)
            : (year[i] as number) + (values[i] as number);
        if (endOfYear) {
          byName[name].years.push(summarize(year));
          if (name === "netIncome")
            (profitableIn[k] as number[]).push(year.reduce((a, x) => a + (x > 0 ? 1 : 0), 0) / n);
          year.fill(0);
        }
      });
      let defaulted = 0;
      for (let i = 0; i < n; i++) if ((state.defaultedAt[k * n + i] as number) >= 0) defaulted++;
      (defaultBy[k] as number[]).push(defaulted / n);
    });
    options.onQuarter?.(q + 1, Q);
  }
  const found = issues.list();
  if (found.length > 0) return { ok: false, diagnostics: domainDiagnostics(found, n) };
  if (maxAbsError > CONSERVATION_TOLERANCE) {
    throw new ConservationError(
      `money is not conserved: the entities' cash and the outside sectors' flows differ by $${maxAbsError.toFixed(2)}`,
    );
  }
  const probabilities = Object.fromEntries(
    system.entities.map((e, k) => [
      e.id,
      { defaultBy: defaultBy[k] as number[], profitableIn: profitableIn[k] as number[] },
    ]),
  );
  return {
    ok: true,
    value: {
      scenario: scenario.name,
      samples: n,
      seed,
      quarters,
      years,
      summary,
      probabilities,
      checks: { conservation: { maxAbsError } },
    },
  };
}
