// Formats a quantity for people: three significant digits and a unit (`$1.2T`, `$-12.7B`,
// `4.5 GW`, `2.83%`, `700M`, `$50B/GW`). For tables and reports; not guaranteed to parse back
// exactly (use printQuantity for that).

import { POWER_UNITS, pickScale, SCALE_SUFFIXES } from "./printQuantity.js";
import { isDimensionless, type Unit, unitName } from "./unit.js";

/** Significant digits shown by default. */
export const DISPLAY_DIGITS = 3;

/** `x` rounded to `digits` significant digits, without trailing zeros. */
export function roundSignificant(x: number, digits: number = DISPLAY_DIGITS): string {
  return String(Number(x.toPrecision(digits)));
}

/** `x` with a scale suffix chosen so that it reads in at most `digits` significant digits. */
function scaled(
  x: number,
  scales: ReadonlyArray<readonly [string, number]>,
  none: string,
  digits: number,
): string {
  // Round first so that 999.96B becomes 1T rather than 1000B.
  const rounded = Number(roundSignificant(x, digits));
  const [suffix, exp] = pickScale(rounded, scales, none);
  return roundSignificant(rounded / 10 ** exp, digits) + (suffix === "" ? "" : suffix);
}

/**
 * Formats `value` in `unit` for display.
 *
 * @example formatQuantity(-12.705e9, MONEY) // "$-12.7B"
 * @example formatQuantity(4.5e9, POWER) // "4.5 GW"
 */
export function formatQuantity(value: number, unit: Unit, digits: number = DISPLAY_DIGITS): string {
  if (Number.isNaN(value)) return "NaN";
  // Rounding noise of sums of large flows (1e-7 dollars) is shown as the zero it stands for.
  if (unit.money === 1 && unit.power === 0 && Math.abs(value) < 0.005) return "$0";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "-∞";
  if (unit.money === 1 && unit.power === 0) return `$${scaled(value, SCALE_SUFFIXES, "", digits)}`;
  if (unit.money === 1 && unit.power === -1) {
    return `$${scaled(value * 1e9, SCALE_SUFFIXES, "", digits)}/GW`;
  }
  if (unit.money === 0 && unit.power === 1) {
    const text = scaled(value, POWER_UNITS, "W", digits);
    return text.replace(/([A-Za-z]+)$/, " $1");
  }
  if (isDimensionless(unit)) {
    if (unit.percent) return `${roundSignificant(value * 100, digits)}%`;
    return scaled(value, SCALE_SUFFIXES, "", digits);
  }
  return `${roundSignificant(value, digits)} ${unitName(unit)}`;
}
