// Reads one gap parameter's value from text (`$150B`, `50%`, `0.5`, `5`) in the project's literal
// syntax, and checks its unit and range against the parameter.

import { readLiteral } from "../units/literal.js";
import { describeUnit, isDimensionless, sameDimensions } from "../units/unit.js";
import { type GapParameter, gapParameterProblem } from "./methods.js";

/** A parameter's value, or why the text is not one. */
export type GapValue =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `text` as the whole value of `p`: money must be written with `$`; a percentage as `50%`
 * or a plain fraction `0.5`; the useful life as a plain number of years.
 *
 * @example readGapValue(GAP_METHODS.sequoia[0], "$150B") // { ok: true, value: 150e9 }
 */
export function readGapValue(p: GapParameter, text: string): GapValue {
  const trimmed = text.trim();
  const lit = readLiteral(trimmed, 0);
  const notValue = `${p.name}: "${text}" is not a value such as $150B, 50% or 5`;
  if (lit === null) return { ok: false, message: notValue };
  if ("problem" in lit) return { ok: false, message: `${p.name}: ${lit.problem}` };
  if (lit.length !== trimmed.length) return { ok: false, message: notValue };
  const fits = p.unit.percent
    ? isDimensionless(lit.unit)
    : sameDimensions(lit.unit, p.unit) && !lit.unit.percent;
  if (!fits)
    return {
      ok: false,
      message: `${p.name}: "${text}" is ${describeUnit(lit.unit)}; expected ${describeUnit(p.unit)}`,
    };
  const problem = gapParameterProblem(p, lit.value);
  return problem === null ? { ok: true, value: lit.value } : { ok: false, message: problem };
}
