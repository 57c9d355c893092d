// Prints a quantity as a literal that reads back to exactly the same value and unit
// (`$1.2B`, `$-3M`, `10 GW`, `2.9%`, `700M`). Used wherever a value is shown for editing.

import { shiftDecimal } from "./decimal.js";
import { isDimensionless, type Unit } from "./unit.js";

const SCALES: ReadonlyArray<readonly [string, number]> = [
  ["T", 12],
  ["B", 9],
  ["M", 6],
  ["k", 3],
];
const POWERS: ReadonlyArray<readonly [string, number]> = [
  ["TW", 12],
  ["GW", 9],
  ["MW", 6],
  ["kW", 3],
];

/** The largest scale whose threshold `|x|` reaches, or the unscaled entry. */
export function pickScale(
  x: number,
  scales: ReadonlyArray<readonly [string, number]>,
  none: string,
): readonly [string, number] {
  const abs = Math.abs(x);
  for (const scale of scales) if (abs >= 10 ** scale[1]) return scale;
  return [none, 0];
}

/** Suffix scales for money and plain numbers (T, B, M, k). */
export const SCALE_SUFFIXES = SCALES;
/** Scaled power units (TW, GW, MW, kW). */
export const POWER_UNITS = POWERS;

/**
 * Prints `value` in `unit` as a literal that `readLiteral` (and the expression parser) reads back
 * to the identical double.
 *
 * @example printQuantity(1.2e12, MONEY) // "$1.2T"
 */
export function printQuantity(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot print non-finite ${value}`);
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (unit.money === 1 && unit.power === 0) {
    const [suffix, exp] = pickScale(value, SCALES, "");
    return `$${sign}${shiftDecimal(value, exp)}${suffix}`;
  }
  if (unit.money === 1 && unit.power === -1) {
    return `$${sign}${shiftDecimal(value, 0)}/W`;
  }
  if (unit.money === 0 && unit.power === 1) {
    const [name, exp] = pickScale(value, POWERS, "W");
    return `${sign}${shiftDecimal(value, exp)} ${name}`;
  }
  if (isDimensionless(unit) && unit.percent) return `${sign}${shiftDecimal(value, -2)}%`;
  if (isDimensionless(unit)) {
    const [suffix, exp] = pickScale(value, SCALES, "");
    return `${sign}${shiftDecimal(value, exp)}${suffix}`;
  }
  throw new RangeError("printQuantity supports money, power, $/W and plain units");
}
