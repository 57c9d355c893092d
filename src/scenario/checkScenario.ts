// Parse and compile in one step, with every problem of every stage reported together.

import { compileAssumptions } from "../model/compileAssumptions.js";
import type { Model } from "../model/model.js";
import { compileOutputs } from "../outputs/compileOutputs.js";
import type { OutputsPlan } from "../outputs/outputsPlan.js";
import { checkSystem } from "../sim/checkSystem.js";
import { type CorrelationTarget, compileCorrelations } from "./correlations.js";
import type { Result } from "./diagnostic.js";
import { loadScenario } from "./loadScenario.js";
import type { Scenario } from "./scenario.js";

/** A scenario that parsed and compiled. */
export interface CheckedScenario {
  /** The scenario as written. */
  readonly scenario: Scenario;
  /** Its compiled assumptions. */
  readonly model: Model;
  /** Target rank correlations among its uncertain columns, when it declares any. */
  readonly correlation: CorrelationTarget | null;
  /** Its declared outputs, compiled (no outputs when the file declares none). */
  readonly outputs: OutputsPlan;
}

/**
 * Reads and compiles a scenario's text; on failure, the diagnostics of the file's structure, its
 * assumptions, its correlations, its loop's fields and its outputs.
 */
export function checkScenario(text: string): Result<CheckedScenario> {
  const loaded = loadScenario(text);
  const compiled = compileAssumptions(loaded.assumptions);
  const ready =
    loaded.scenario !== null && compiled.ok
      ? { scenario: loaded.scenario, model: compiled.value }
      : null;
  const system = ready ? checkSystem(ready.scenario, ready.model) : [];
  const correlations = ready
    ? compileCorrelations(ready.scenario.correlations, ready.model)
    : { target: null, problems: [] };
  const outputs = ready ? compileOutputs(ready.scenario, ready.model) : null;
  const diagnostics = [
    ...loaded.diagnostics,
    ...(compiled.ok ? [] : compiled.diagnostics),
    ...system,
    ...correlations.problems,
    ...(outputs === null || outputs.ok ? [] : outputs.diagnostics),
  ];
  if (diagnostics.length > 0 || ready === null || outputs?.ok !== true)
    return { ok: false, diagnostics };
  return {
    ok: true,
    value: { ...ready, correlation: correlations.target, outputs: outputs.value },
  };
}
