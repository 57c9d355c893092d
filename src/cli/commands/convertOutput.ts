// What a `perpetuum convert` sub-form prints: its steps for people and its document for JSON,
// and the number formats of those steps (counts, whole GPUs, power, dollars per hour).

import { formatQuantity } from "../../units/formatQuantity.js";
import { POWER } from "../../units/unit.js";

/** What a conversion prints: its steps for people, its document for JSON. */
export interface Conversion {
  /** The steps, one line each, with units. */
  readonly lines: readonly string[];
  /** The inputs, result and sources, for --format json. */
  readonly doc: Record<string, unknown>;
}

/** A count with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

/** A number of GPUs, whole. */
export function gpuCount(n: number): string {
  return `${n.toLocaleString("en-US", { maximumFractionDigits: 0 })} GPUs`;
}

/** Power shown to six digits (142.688 MW). */
export function watts(w: number): string {
  return formatQuantity(w, POWER, 6);
}

/** Dollars per hour to three decimals. */
export function perHour(d: number): string {
  return `$${d.toFixed(3)}/h`;
}
