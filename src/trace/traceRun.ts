// The circularity of a point run as one document: the cycles money ran round and where each
// entity's revenue and spending came from, year by year. See docs/trace.md.

import type { RunResult } from "../sim/result.js";
import { elementaryCycles, moneyRound, paymentGraph } from "./cycles.js";
import {
  type OriginSplit,
  type OriginTrace,
  originTotal,
  splitOrigins,
  traceOrigins,
} from "./originMix.js";

/** Most cycles listed; a graph with more is reported as truncated. */
export const MAX_CYCLES = 1000;

/** A cycle of payments and the money that went round it. */
export interface TracedCycle {
  /** Entity ids in the order money went round (the last pays the first). */
  readonly members: string[];
  /** Money round the cycle by year: the least paid that year along any of its edges. */
  readonly years: Record<string, number>;
}

/** Per entity (by id) and year (as a string): a value, or null when there is nothing to split. */
export type ByEntityYear<T> = Record<string, Record<string, T>>;

/** Dollars an entity received and paid in a year. */
export interface YearTotals {
  /** Revenue: payments of a revenue kind received, from anyone. */
  readonly revenue: number;
  /** The part of the revenue paid by other entities. */
  readonly loopRevenue: number;
  /** Everything the entity paid out. */
  readonly spending: number;
  /** The part of the spending that was equity and loans to other entities. */
  readonly invested: number;
}

/** The result of `perpetuum trace` (its JSON). */
export interface TraceDocument {
  /** Scenario name. */
  readonly scenario: string;
  /** Calendar years of the run. */
  readonly years: number[];
  /** Every elementary cycle, the most money round it first. */
  readonly cycles: TracedCycle[];
  /** Whether there were more than MAX_CYCLES cycles (only the first MAX_CYCLES are listed). */
  readonly cyclesTruncated: boolean;
  /** Each entity's revenue by origin, as fractions summing to 1; null in a year without revenue. */
  readonly origins: ByEntityYear<OriginSplit | null>;
  /** The same for the revenue paid by other entities only. */
  readonly loopOrigins: ByEntityYear<OriginSplit | null>;
  /** What each entity paid out, by the origin of the money; null in a year it paid nothing. */
  readonly spending: ByEntityYear<OriginSplit | null>;
  /** The dollars behind the fractions. */
  readonly totals: ByEntityYear<YearTotals>;
}

/**
 * Each entity's cash before the first quarter: its cash at the end of the first quarter less
 * what it received and plus what it paid in that quarter.
 */
export function openingCash(result: RunResult): Float64Array {
  const ids = Object.keys(result.entities);
  const opening = Float64Array.from(ids.map((id) => result.entities[id]?.series.cash[0] as number));
  const first = result.quarters[0];
  for (const f of result.flows) {
    if (f.quarter !== first) continue;
    const from = ids.indexOf(f.from);
    const to = ids.indexOf(f.to);
    if (from >= 0) opening[from] = (opening[from] as number) + f.amount;
    if (to >= 0) opening[to] = (opening[to] as number) - f.amount;
  }
  return opening;
}

/**
 * `cycle` (entity indices) rotated to start at the member whose edge into the next carried the
 * most equity and loans over the run, so that a cycle reads from the money that funds it; a cycle
 * without any starts at its first entity.
 */
function fromFunder(cycle: readonly number[], funding: ReadonlyMap<string, number>): number[] {
  let start = 0;
  let most = 0;
  cycle.forEach((i, k) => {
    const amount = funding.get(`${i}>${cycle[(k + 1) % cycle.length]}`) ?? 0;
    if (amount > most) {
      most = amount;
      start = k;
    }
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** Fractions by entity and year from one block of `trace`. */
function splits(trace: OriginTrace, amounts: Float64Array): ByEntityYear<OriginSplit | null> {
  return Object.fromEntries(
    trace.entities.map((id, e) => [
      id,
      Object.fromEntries(trace.years.map((year, y) => [year, splitOrigins(trace, amounts, e, y)])),
    ]),
  );
}

/**
 * Cycles and origins of the point run `result`: the cycles of its payment graph (every payment
 * from one entity to another), the money round each per year, and origin tracing of every
 * payment (`traceOrigins`) split per entity and year.
 */
export function traceRun(result: RunResult, maxCycles: number = MAX_CYCLES): TraceDocument {
  const ids = Object.keys(result.entities);
  const payments = paymentGraph(ids, result.quarters, result.flows);
  const search = elementaryCycles(payments.graph, maxCycles);
  const years = payments.years;
  const funding = new Map<string, number>();
  const invested = ids.map(() => years.map(() => 0));
  for (const f of result.flows) {
    const from = ids.indexOf(f.from);
    const to = ids.indexOf(f.to);
    if ((f.kind !== "equity" && f.kind !== "loan") || from < 0 || to < 0) continue;
    const key = `${from}>${to}`;
    funding.set(key, (funding.get(key) ?? 0) + f.amount);
    const row = invested[from] as number[];
    const y = years.indexOf(Number(f.quarter.slice(0, 4)));
    row[y] = (row[y] as number) + f.amount;
  }
  const cycles = search.cycles
    .map((cycle) => fromFunder(cycle, funding))
    .map((cycle) => ({ cycle, round: moneyRound(payments, cycle) }))
    .map(({ cycle, round }) => ({ cycle, round, total: round.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.cycle.length - b.cycle.length)
    .map(({ cycle, round }) => ({
      members: cycle.map((i) => ids[i] as string),
      years: Object.fromEntries(years.map((year, y) => [year, round[y] as number])),
    }));
  const trace = traceOrigins({
    entities: ids,
    opening: openingCash(result),
    quarters: result.quarters,
    flows: result.flows,
  });
  const totals = Object.fromEntries(
    ids.map((id, e) => [
      id,
      Object.fromEntries(
        trace.years.map((year, y) => [
          year,
          {
            revenue: originTotal(trace, trace.revenue, e, y),
            loopRevenue: originTotal(trace, trace.loopRevenue, e, y),
            spending: originTotal(trace, trace.spending, e, y),
            invested: invested[e]?.[y] as number,
          },
        ]),
      ),
    ]),
  );
  return {
    scenario: result.scenario,
    years: [...trace.years],
    cycles,
    cyclesTruncated: search.truncated,
    origins: splits(trace, trace.revenue),
    loopOrigins: splits(trace, trace.loopRevenue),
    spending: splits(trace, trace.spending),
    totals,
  };
}
