// Parse and compile in one step, with every problem of both stages reported together.

import { compileAssumptions } from "../model/compileAssumptions.js";
import type { Model } from "../model/model.js";
import { checkSystem } from "../sim/checkSystem.js";
import type { Result } from "./diagnostic.js";
import { loadScenario } from "./loadScenario.js";
import type { Scenario } from "./scenario.js";

/** A scenario that parsed and compiled. */
export interface CheckedScenario {
  /** The scenario as written. */
  readonly scenario: Scenario;
  /** Its compiled assumptions. */
  readonly model: Model;
}

/**
 * Reads and compiles a scenario's text; on failure, the diagnostics of both the file's structure
 * and its assumptions.
 */
export function checkScenario(text: string): Result<CheckedScenario> {
  const loaded = loadScenario(text);
  const compiled = compileAssumptions(loaded.assumptions);
  const system =
    loaded.scenario !== null && compiled.ok ? checkSystem(loaded.scenario, compiled.value) : [];
  const diagnostics = [
    ...loaded.diagnostics,
    ...(compiled.ok ? [] : compiled.diagnostics),
    ...system,
  ];
  if (diagnostics.length > 0 || loaded.scenario === null || !compiled.ok) {
    return { ok: false, diagnostics };
  }
  return { ok: true, value: { scenario: loaded.scenario, model: compiled.value } };
}
