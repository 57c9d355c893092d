// The declared outputs of many point runs at once: each run is the point run (every uncertain
// value at its median) with a few assumptions overridden, and all of them step together as the
// samples of one batch, as a Monte Carlo's samples do. Each sample's step depends on its own
// values only, so the outputs are simulatePoint's bit for bit, for one step per quarter instead of
// one per run (the tornado of a report makes 41 runs of ono).

import type { Model } from "../model/model.js";
import { evaluateOutputs } from "../outputs/evaluateOutputs.js";
import type { OutputsPlan, SeriesRef } from "../outputs/outputsPlan.js";
import { recordingFor } from "../outputs/recorded.js";
import { recordQuarter } from "../outputs/recordQuarter.js";
import { DomainIssues } from "../sample/domainIssues.js";
import { clockAt } from "../sample/evaluateBlocks.js";
import type { Scenario } from "../scenario/scenario.js";
import type { CompiledSystem } from "./compiledSystem.js";
import { compileSlots } from "./obligationSlots.js";
import { pointValues, startValues, timeVaryingOrder } from "./pointValues.js";
import { SERIES, SERIES_INDEX } from "./result.js";
import { SimState } from "./simState.js";
import { checkConservation } from "./simulatePoint.js";
import { stepSamples } from "./stepSamples.js";
import { StepScratch } from "./stepScratch.js";

const M = SERIES.length;

/**
 * The declared outputs of `plan`, by name, of one point run per entry of `overrides` (values that
 * replace some assumptions' medians, by model column; an empty map is the plain point run), as
 * simulatePoint(scenario, model, system, { outputs: plan, overrides }).outputs gives them. Throws
 * ConservationError as simulatePoint does.
 */
export function pointOutputs(
  scenario: Scenario,
  model: Model,
  system: CompiledSystem,
  plan: OutputsPlan,
  overrides: readonly ReadonlyMap<number, number>[],
): Record<string, number>[] {
  const K = overrides.length;
  const E = system.entities.length;
  const Q = system.quarters;
  const values = overrides.map((o) => startValues(model, clockAt(scenario.start, 0), o));
  const varying = overrides.map((o) => timeVaryingOrder(model).filter((i) => !o.has(i)));
  const columns = model.assumptions.map(() => new Float64Array(K));
  const state = new SimState(K, E, system.contracts.length, system.capacity.length, Q);
  const slots = compileSlots(system);
  const scratch = new StepScratch(system, slots, K);
  const out = new Float64Array(E * M * K);
  const io = { columns, base: 0, out, stride: K, outBase: 0 };
  const recorded = recordingFor(plan, K, Q, E);
  const issues = new DomainIssues();
  values.forEach((v, k) => {
    system.entities.forEach((e, j) => {
      state.open(k, j, e, (a) => v[a] as number);
    });
  });
  let maxAbsError = 0;
  for (let q = 0; q < Q; q++) {
    values.forEach((v, k) => {
      pointValues(model, v, clockAt(scenario.start, q), varying[k] as number[]);
      v.forEach((x, i) => {
        (columns[i] as Float64Array)[k] = x;
      });
    });
    maxAbsError = Math.max(maxAbsError, stepSamples(system, slots, state, q, io, scratch));
    recordQuarter(
      recorded,
      q,
      (source, ref) => {
        if (source === "assumption")
          return columns[plan.assumptions[ref] as number] as Float64Array;
        const { entity, metric } = plan.series[ref] as SeriesRef;
        const from = (entity * M + SERIES_INDEX[metric]) * K;
        return out.subarray(from, from + K);
      },
      { start: scenario.start, offset: 0, issues },
    );
  }
  checkConservation(maxAbsError);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < E; j++)
      recorded.defaultedAt[j * K + k] = state.defaultedAt[k * E + j] as number;
  const results = plan.outputs.map(() => new Float64Array(K));
  evaluateOutputs(plan, recorded, results, 0, issues);
  return overrides.map((_, k) =>
    Object.fromEntries(
      plan.outputs.map((o, i) => [o.name, (results[i] as Float64Array)[k] as number]),
    ),
  );
}
