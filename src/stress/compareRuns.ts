// What a stress costs: the baseline and shocked runs side by side, per company (when it defaults,
// revenue, backlog and equity lost), the cascade as a timeline, and the value destroyed.

import type { MonteCarloResult } from "../sim/monteCarloSummary.js";
import type { RunResult } from "../sim/result.js";

/** One company in a point-run comparison. Money in dollars over the whole horizon. */
export interface EntityStress {
  /** Display name. */
  readonly name: string;
  /** Quarter of default in each run, or null. */
  readonly defaultedAt: { readonly baseline: string | null; readonly shocked: string | null };
  /** Revenue over the horizon in each run, and baseline − shocked. */
  readonly revenue: { readonly baseline: number; readonly shocked: number; readonly lost: number };
  /** Backlog it loses to counterparties' defaults (contract-lost events), in each run. */
  readonly backlogLost: { readonly baseline: number; readonly shocked: number };
  /** Book equity in the last quarter in each run, and baseline − shocked. */
  readonly equity: { readonly baseline: number; readonly shocked: number; readonly lost: number };
  /** Value of the stakes it holds in the last quarter, and baseline − shocked (the write-down). */
  readonly stakes: { readonly baseline: number; readonly shocked: number; readonly lost: number };
}

/** One step of the cascade. */
export interface CascadeStep {
  readonly quarter: string;
  readonly entity: string;
  readonly type: string;
  readonly amount: number;
  readonly message: string;
}

/** A point-run stress comparison. */
export interface PointStress {
  readonly entities: Record<string, EntityStress>;
  /**
   * Missed payments, defaults, unpaid creditors, written-off stakes and lost contracts of the
   * shocked run, in order.
   */
  readonly cascade: CascadeStep[];
  /** Value destroyed by default costs (payments to the deadweight sector) in each run. */
  readonly deadweightLoss: { readonly baseline: number; readonly shocked: number };
}

/** The events that make up a cascade. */
const CASCADE_EVENTS = new Set([
  "missed-payment",
  "default",
  "unpaid",
  "stake-written-down",
  "contract-lost",
]);

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const last = (xs: readonly number[]) => xs[xs.length - 1] ?? 0;

function lostBacklog(run: RunResult, id: string): number {
  return sum(
    run.events.filter((e) => e.entity === id && e.type === "contract-lost").map((e) => e.amount),
  );
}

function deadweight(run: RunResult): number {
  return sum(run.flows.filter((f) => f.to === "deadweight").map((f) => f.amount));
}

/** Compares the point runs of the same scenario without and with the shocks. */
export function comparePointRuns(baseline: RunResult, shocked: RunResult): PointStress {
  const entities: Record<string, EntityStress> = {};
  for (const [id, b] of Object.entries(baseline.entities)) {
    const s = shocked.entities[id] ?? b;
    const pair = (f: (r: typeof b) => number) => {
      const x = f(b);
      const y = f(s);
      return { baseline: x, shocked: y, lost: x - y };
    };
    entities[id] = {
      name: b.name,
      defaultedAt: { baseline: b.defaultedAt, shocked: s.defaultedAt },
      revenue: pair((r) => sum(r.series.revenue)),
      backlogLost: { baseline: lostBacklog(baseline, id), shocked: lostBacklog(shocked, id) },
      equity: pair((r) => last(r.series.equity)),
      stakes: pair((r) => last(r.series.stakesValue)),
    };
  }
  const cascade = shocked.events.filter((e) => CASCADE_EVENTS.has(e.type)).map((e) => ({ ...e }));
  return {
    entities,
    cascade,
    deadweightLoss: { baseline: deadweight(baseline), shocked: deadweight(shocked) },
  };
}

/** One company in a Monte Carlo stress comparison. */
export interface EntityStressOdds {
  readonly name: string;
  /** P(default by the last quarter) in each run. */
  readonly defaultProbability: { readonly baseline: number; readonly shocked: number };
  /** Median quarter of default among the samples that default, or null when none does. */
  readonly medianDefaultQuarter: {
    readonly baseline: string | null;
    readonly shocked: string | null;
  };
}

function medianDefaultQuarter(mc: MonteCarloResult, id: string): string | null {
  const d = mc.probabilities[id]?.defaultQuarter;
  if (d === undefined) return null;
  const total = sum(d.quarters);
  if (total === 0) return null;
  let seen = 0;
  for (let q = 0; q < d.quarters.length; q++) {
    seen += d.quarters[q] as number;
    if (seen >= total / 2) return mc.quarters[q] ?? null;
  }
  return null;
}

/** Compares Monte Carlo runs (same seed, so paired samples) without and with the shocks. */
export function compareMonteCarlo(
  baseline: MonteCarloResult,
  shocked: MonteCarloResult,
  names: Readonly<Record<string, string>>,
): Record<string, EntityStressOdds> {
  const out: Record<string, EntityStressOdds> = {};
  for (const id of Object.keys(baseline.probabilities)) {
    out[id] = {
      name: names[id] ?? id,
      defaultProbability: {
        baseline: last(baseline.probabilities[id]?.defaultBy ?? []),
        shocked: last(shocked.probabilities[id]?.defaultBy ?? []),
      },
      medianDefaultQuarter: {
        baseline: medianDefaultQuarter(baseline, id),
        shocked: medianDefaultQuarter(shocked, id),
      },
    };
  }
  return out;
}
