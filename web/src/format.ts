// Numbers as the CLI's reports write them: money with a scale (`$1.2T`) and percentages.

import { formatQuantity } from "../../src/units/formatQuantity.js";
import { MONEY } from "../../src/units/unit.js";

/** Dollars for display (`$-12.7B`). */
export function money(dollars: number): string {
  return formatQuantity(dollars, MONEY);
}

/** A probability as a percentage with three significant digits (`14.4%`). */
export function percent(p: number): string {
  return `${Number((p * 100).toPrecision(3))}%`;
}
