// The units of the series an output may read as `metric(entity, period)`: money for every
// series except gpus (a count) and gw (power, in watts).

import { SERIES, type SeriesName } from "../sim/result.js";
import { MONEY, PLAIN, POWER, type Unit } from "../units/unit.js";

/** The unit of each recorded series. */
export const METRIC_UNITS: Readonly<Record<SeriesName, Unit>> = Object.fromEntries(
  SERIES.map((name) => [name, name === "gpus" ? PLAIN : name === "gw" ? POWER : MONEY]),
) as Record<SeriesName, Unit>;

/** True when `name` is a recorded series. */
export function isMetric(name: string): name is SeriesName {
  return Object.hasOwn(METRIC_UNITS, name);
}
