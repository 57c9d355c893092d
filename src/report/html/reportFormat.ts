// How the report's sections read numbers and names: money, shares and counts in words, a unit's
// chart axis, and a company's display name.

import type { ValueUnit } from "../../charts/index.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY, PERCENT, type Unit } from "../../units/unit.js";
import type { ReportData } from "./reportTypes.js";

/** Dollars for people: `$1.2T`. */
export function money(x: number): string {
  return formatQuantity(x, MONEY);
}

/** A fraction as a percentage (`56.3%`); below 0.005% (rounding dust) it reads 0%. */
export function share(x: number): string {
  return Math.abs(x) < 5e-5 ? "0%" : formatQuantity(x, PERCENT);
}

/** A count with thousands separators: `10,000`. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** The chart axis that shows values of `unit` (counts for anything without a chart unit). */
export function valueUnitOf(unit: Unit): ValueUnit {
  if (unit.money === 1 && unit.power === 0) return "money";
  if (unit.money === 0 && unit.power === 1) return "watts";
  if (unit.money === 0 && unit.power === 0 && unit.percent) return "percent";
  return "count";
}

/** The display name of entity `id`, or the id itself (an outside sector). */
export function nameOf(data: ReportData, id: string): string {
  return data.entities.find((e) => e.id === id)?.name ?? id;
}

/** "in N samples" with the count spelled out: `of 10,000 samples`. */
export function ofSamples(data: ReportData): string {
  return `of ${count(data.samples)} sample${data.samples === 1 ? "" : "s"}`;
}
