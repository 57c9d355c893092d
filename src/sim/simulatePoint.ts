// The point run: the whole scenario quarter by quarter with every uncertain value at its median,
// as a result document. Money is checked to be conserved every quarter.

import type { Model } from "../model/model.js";
import { evaluateOutputs } from "../outputs/evaluateOutputs.js";
import type { OutputsPlan, SeriesRef } from "../outputs/outputsPlan.js";
import { recordingFor } from "../outputs/recorded.js";
import { recordQuarter } from "../outputs/recordQuarter.js";
import { DomainIssues } from "../sample/domainIssues.js";
import { clockAt } from "../sample/evaluateBlocks.js";
import { quarterLabel } from "../scenario/quarter.js";
import type { Scenario } from "../scenario/scenario.js";
import { type CompiledSystem, compileSystem } from "./compiledSystem.js";
import { SECTOR_NAMES } from "./ledger.js";
import { compileSlots } from "./obligationSlots.js";
import { pointValues, startValues, timeVaryingOrder } from "./pointValues.js";
import {
  type EntityResult,
  type Flow,
  type RunResult,
  SERIES,
  SERIES_INDEX,
  type SeriesName,
  type SimEvent,
} from "./result.js";
import { SimState } from "./simState.js";
import type { StepRecord } from "./stepRecord.js";
import { stepSamples } from "./stepSamples.js";
import { StepScratch } from "./stepScratch.js";

/** Largest conservation error tolerated, in dollars; more is a bug in the ledger. */
export const CONSERVATION_TOLERANCE = 1;

/** Throws ConservationError when the largest error exceeds the tolerance (a bug, not bad input). */
export function checkConservation(maxAbsError: number): void {
  if (maxAbsError > CONSERVATION_TOLERANCE) {
    throw new ConservationError(
      `money is not conserved: the entities' cash and the outside sectors' flows differ by $${maxAbsError.toFixed(2)}`,
    );
  }
}

/** A broken invariant: a bug, never a user mistake. */
export class ConservationError extends Error {
  override readonly name = "ConservationError";
}

/** What a point run may be asked besides the medians. */
export interface PointOptions {
  /** Values that replace some assumptions' medians (by model column), for one-at-a-time swings. */
  readonly overrides?: ReadonlyMap<number, number>;
  /** Declared outputs to evaluate on the run (RunResult.outputs). */
  readonly outputs?: OutputsPlan;
}

/**
 * Simulates `scenario` with medians (or `options.overrides`). Throws ConservationError if, in any
 * quarter, the change of all entities' cash differs from the outside sectors' net flow by more
 * than $1.
 */
export function simulatePoint(
  scenario: Scenario,
  model: Model,
  system: CompiledSystem = compileSystem(scenario, model),
  options: PointOptions = {},
): RunResult {
  const overrides = options.overrides ?? new Map<number, number>();
  const plan = options.outputs;
  const E = system.entities.length;
  const Q = system.quarters;
  const state = new SimState(1, E, system.contracts.length, system.capacity.length, Q);
  const values = startValues(model, clockAt(scenario.start, 0), overrides);
  const varying = timeVaryingOrder(model).filter((i) => !overrides.has(i));
  const recorded = recordingFor(plan, 1, Q, E);
  const issues = new DomainIssues();
  const columns = model.assumptions.map((_, i) => values.subarray(i, i + 1));
  const slots = compileSlots(system);
  const scratch = new StepScratch(system, slots, 1);
  const row = new Float64Array(E * SERIES.length);
  const io = { columns, base: 0, out: row, stride: 1, outBase: 0 };
  system.entities.forEach((e, k) => {
    state.open(0, k, e, (a) => values[a] as number);
  });
  const ids = system.entities.map((e) => e.id);
  const partyName = (p: number) => (p >= 0 ? (ids[p] as string) : (SECTOR_NAMES[p] as string));
  const quarters = Array.from({ length: Q }, (_, q) => quarterLabel(scenario.start + q));
  const entities: Record<string, EntityResult> = {};
  system.entities.forEach((e) => {
    const series = Object.fromEntries(SERIES.map((name) => [name, [] as number[]])) as Record<
      SeriesName,
      number[]
    >;
    const stakes = Object.fromEntries(
      ids.filter((id) => id !== e.id).map((id) => [id, [] as number[]]),
    );
    entities[e.id] = { name: e.name, series, stakes, defaultedAt: null };
  });
  const flows: Flow[] = [];
  const events: SimEvent[] = [];
  let maxAbsError = 0;
  for (let q = 0; q < Q; q++) {
    pointValues(model, values, clockAt(scenario.start, q), varying);
    const record: StepRecord = { transfers: [], events: [] };
    maxAbsError = Math.max(maxAbsError, stepSamples(system, slots, state, q, io, scratch, record));
    const quarter = quarters[q] as string;
    for (const t of record.transfers) {
      flows.push({
        quarter,
        from: partyName(t.from),
        to: partyName(t.to),
        contract: t.contract,
        kind: t.kind,
        amount: t.amount,
      });
    }
    for (const [e, type, amount, message] of record.events) {
      events.push({ quarter, entity: ids[e] as string, type, amount, message });
    }
    if (plan)
      recordQuarter(
        recorded,
        q,
        (source, ref) => {
          if (source === "assumption") {
            const column = plan.assumptions[ref] as number;
            return values.subarray(column, column + 1);
          }
          const { entity, metric } = plan.series[ref] as SeriesRef;
          const at = entity * SERIES.length + SERIES_INDEX[metric];
          return row.subarray(at, at + 1);
        },
        { start: scenario.start, offset: 0, issues },
      );
    system.entities.forEach((e, k) => {
      const result = entities[e.id] as EntityResult;
      SERIES.forEach((name, m) => {
        result.series[name].push(row[k * SERIES.length + m] as number);
      });
      ids.forEach((other, j) => {
        if (j === k) return;
        (result.stakes[other] as number[]).push(
          (state.holdings[k * E + j] as number) / (state.shares[j] as number),
        );
      });
    });
  }
  system.entities.forEach((e, k) => {
    const at = state.defaultedAt[k] as number;
    if (at >= 0)
      (entities[e.id] as { defaultedAt: string | null }).defaultedAt = quarters[at] as string;
  });
  checkConservation(maxAbsError);
  const outputs: Record<string, number> = {};
  if (plan) {
    recorded.defaultedAt.set(state.defaultedAt);
    const out = plan.outputs.map(() => new Float64Array(1));
    evaluateOutputs(plan, recorded, out, 0, issues);
    plan.outputs.forEach((o, i) => {
      outputs[o.name] = (out[i] as Float64Array)[0] as number;
    });
  }
  return {
    scenario: scenario.name,
    quarters,
    entities,
    flows,
    events,
    outputs,
    checks: { conservation: { maxAbsError } },
  };
}
