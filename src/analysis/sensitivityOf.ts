// Which uncertain inputs move a value most: Spearman's ρ over samples already drawn and a tornado
// of one-at-a-time swings, for an assumption or for a scenario's declared outputs.

import type { Model } from "../model/model.js";
import type { OutputsPlan } from "../outputs/outputsPlan.js";
import { clockAt } from "../sample/evaluateBlocks.js";
import type { Scenario } from "../scenario/scenario.js";
import type { CompiledSystem } from "../sim/compiledSystem.js";
import { pointOutputs } from "../sim/pointOutputs.js";
import { pointValues } from "../sim/pointValues.js";
import type { Unit } from "../units/unit.js";
import { dependencies } from "./dependencies.js";
import { spearmanMatrix } from "./spearman.js";
import { swingBar, swingEnds, type TornadoBar, tornado } from "./tornado.js";

/** The sensitivity of one value to its uncertain inputs. */
export interface Sensitivity {
  /** Spearman's ρ of the value against each input (by assumption index). */
  readonly rho: ReadonlyMap<number, number>;
  /** One bar per input, largest swing first. */
  readonly bars: readonly TornadoBar[];
  /** The value with every input at its median. */
  readonly median: number;
  /** The value's unit. */
  readonly unit: Unit;
}

/** The uncertain assumptions `output` (an assumption index) depends on. */
export function uncertainInputsOf(model: Model, output: number): number[] {
  return dependencies(model, output).filter((i) => model.assumptions[i]?.kind === "uncertain");
}

/**
 * Sensitivity of assumption `output` to `inputs`, from the sampled `columns` (one per
 * assumption); the tornado evaluates the clock-dependent ones at the scenario's first quarter.
 */
export function assumptionSensitivity(
  scenario: Scenario,
  model: Model,
  output: number,
  inputs: readonly number[],
  columns: readonly Float64Array[],
): Sensitivity {
  const column = (i: number) => columns[i] as Float64Array;
  const base = new Float64Array(model.assumptions.length);
  pointValues(model, base, clockAt(scenario.start, 0), model.evaluationOrder);
  const rho = spearmanMatrix(inputs.map(column), [column(output)])[0] as number[];
  return {
    rho: new Map(inputs.map((i, k) => [i, rho[k] as number])),
    bars: tornado(model, output, inputs, scenario.start),
    median: base[output] as number,
    unit: model.assumptions[output]?.unit as Unit,
  };
}

/** What {@link outputSensitivities} reads: a checked scenario and a finished Monte Carlo run. */
export interface OutputSensitivityInput {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly outputs: OutputsPlan;
  readonly system: CompiledSystem;
  /** The run's sample columns, one per assumption. */
  readonly columns: readonly Float64Array[];
  /** The run's declared outputs, one column each. */
  readonly outputColumns: readonly Float64Array[];
}

/**
 * Sensitivity of declared outputs (results of the simulation, by index in `outputs`; all of them
 * when `which` is not given): Spearman's ρ over the Monte Carlo run against every uncertain
 * assumption that does not read the clock, and a tornado of point runs with one input at its
 * 10th and 90th percentiles (equal swings, common for a yes/no output, ordered by |ρ|). The two
 * point runs of an input serve every output; all of them step together (pointOutputs).
 */
export function outputSensitivities(
  input: OutputSensitivityInput,
  which: readonly number[] = input.outputs.outputs.map((_, i) => i),
): Sensitivity[] {
  const { scenario, model, system, outputs, columns, outputColumns } = input;
  const inputs = model.assumptions.flatMap((a, i) =>
    a.kind === "uncertain" && !a.timeVarying ? [i] : [],
  );
  const swings = inputs.flatMap((i) => {
    const { low, high } = swingEnds(model, i);
    return [new Map([[i, low]]), new Map([[i, high]])];
  });
  const [medians, ...found] = pointOutputs(scenario, model, system, outputs, [
    new Map(),
    ...swings,
  ]) as [Record<string, number>, ...Record<string, number>[]];
  const runs = new Map(
    swings.flatMap((o, k) => [...o].map(([i, value]) => [`${i}:${value}`, found[k]])),
  );
  const at = (i: number, value: number) => runs.get(`${i}:${value}`) as Record<string, number>;
  const infos = which.map((o) => {
    const info = outputs.outputs[o];
    if (info === undefined) throw new Error(`no declared output ${o}`);
    return info;
  });
  const rhos = spearmanMatrix(
    inputs.map((i) => columns[i] as Float64Array),
    which.map((o) => outputColumns[o] as Float64Array),
  );
  return infos.map((info, k) => {
    const rho = new Map(inputs.map((i, j) => [i, (rhos[k] as number[])[j] as number]));
    const strength = (i: number) => Math.abs(rho.get(i) as number);
    const bars = inputs
      .map((i) => swingBar(model, i, (j, value) => at(j, value)[info.name] as number))
      .sort((a, b) => b.swing - a.swing || strength(b.input) - strength(a.input));
    return { rho, bars, median: medians[info.name] as number, unit: info.unit };
  });
}
