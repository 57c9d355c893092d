// The shape every gap method returns: its inputs and each step of the calculation, with unit,
// formula and source, so that a report can print the calculation line by line.

import type { Unit } from "../units/unit.js";

/** One line of a gap calculation: an input or a derived figure. */
export interface GapStep {
  /** The figure's name, e.g. `dataCentreSpend`. */
  readonly name: string;
  /** What it is, in words. */
  readonly label: string;
  /** Its value in base units (dollars, a fraction for percentages, years). */
  readonly value: number;
  /** Its unit. */
  readonly unit: Unit;
  /** How it is computed from the steps before it (`input` for an input). */
  readonly formula: string;
  /** Where it comes from: a source key (`public:sequoia-2024`), `--param`, or `derived`. */
  readonly source: string;
}

/** An input value with its source. */
export interface GapInput {
  /** Value in base units. */
  readonly value: number;
  /** Source key or where it was given. */
  readonly source: string;
}

/** The result of a gap method. */
export interface GapResult {
  /** The method's name. */
  readonly method: GapMethodName;
  /** Annual revenue required, in dollars. */
  readonly required: number;
  /** Required minus the revenue there is (positive: a shortfall), in dollars. */
  readonly gap: number;
  /** Inputs first, then the derived figures, in order. */
  readonly steps: readonly GapStep[];
}

/** The gap methods perpetuum knows. */
export type GapMethodName = "sequoia" | "bain" | "depreciation";

/** The step of an input. */
export function inputStep(name: string, label: string, unit: Unit, input: GapInput): GapStep {
  return { name, label, value: input.value, unit, formula: "input", source: input.source };
}

/** The step of a figure derived by `formula` from the steps before it. */
export function derivedStep(
  name: string,
  label: string,
  unit: Unit,
  value: number,
  formula: string,
): GapStep {
  return { name, label, value, unit, formula, source: "derived" };
}
