// Axis and data labels in the project's units: a chart's ValueUnit mapped to a Unit and formatted
// with formatQuantity, so charts read `$1.2T`, `45%`, `700M` and `4.5 GW` like the tables do.

import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT, PLAIN, POWER, type Unit } from "../units/unit.js";
import type { ValueUnit } from "./chartTypes.js";

const UNITS: Readonly<Record<ValueUnit, Unit>> = {
  money: MONEY,
  percent: PERCENT,
  count: PLAIN,
  watts: POWER,
};

/** The project Unit a chart's ValueUnit stands for. */
export function unitOf(unit: ValueUnit): Unit {
  return UNITS[unit];
}

/**
 * `value` formatted for an axis tick or a data label; percent values are fractions (0.45 → `45%`).
 *
 * @example axisLabel(1.2e12, "money") // "$1.2T"
 */
export function axisLabel(value: number, unit: ValueUnit): string {
  return formatQuantity(value, UNITS[unit]);
}
