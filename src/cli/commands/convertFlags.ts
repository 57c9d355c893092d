// The options of `perpetuum convert` and how their values are read: each flag's text must be one
// positive literal in the flag's unit (money, power, a fraction or a plain number), else a
// UsageError that names the flag and what it expects.

import { type LiteralMatch, readLiteral } from "../../units/literal.js";
import {
  isDimensionless,
  MONEY,
  PERCENT,
  POWER,
  sameDimensions,
  type Unit,
} from "../../units/unit.js";
import { UsageError } from "../io.js";

/** Options of `convert` (strings as typed; commander leaves absent ones undefined). */
export interface ConvertFlags {
  /** --to: what to convert the value into. */
  readonly to?: string;
  /** --chip: chip name from the table. */
  readonly chip?: string;
  /** --watts-per-gpu: all-in facility power per GPU (`2.5kW`). */
  readonly wattsPerGpu?: string;
  /** --overhead: server watts per watt of GPU TDP. */
  readonly overhead?: string;
  /** --pue: power usage effectiveness. */
  readonly pue?: string;
  /** --capex-per-gw: total capex per GW (`$50B`). */
  readonly capexPerGw?: string;
  /** --supplier-per-gw: the chip supplier's content per GW (`$35B`). */
  readonly supplierPerGw?: string;
  /** --gpu-hour: cost of a GPU-hour. */
  readonly gpuHour?: boolean;
  /** --price: price of one GPU (`$30000`). */
  readonly price?: string;
  /** --life: useful life in years. */
  readonly life?: string;
  /** --networking: networking capex as a fraction of the GPU price (`10%`). */
  readonly networking?: string;
  /** --utilisation: fraction of full power drawn on average (`80%`). */
  readonly utilisation?: string;
  /** --power-price: electricity, dollars per kWh. */
  readonly powerPrice?: string;
  /** --failures: failure rates from a cluster's record. */
  readonly failures?: boolean;
  /** --gpus: GPUs in the cluster. */
  readonly gpus?: string;
  /** --days: days of the record. */
  readonly days?: string;
  /** --interruptions: unexpected interruptions in the record. */
  readonly interruptions?: string;
  /** --chips: print the chip table. */
  readonly chips?: boolean;
  /** --format. */
  readonly format: "table" | "json";
}

/** What a flag of `unit` expects, for messages. */
function expected(unit: Unit | null): string {
  if (unit === MONEY) return "a money amount such as $30000";
  if (unit === POWER) return "a power such as 2.5kW";
  if (unit === PERCENT) return "a fraction such as 80% or 0.8";
  return "a number";
}

/** Whether a literal's unit is acceptable where `unit` is expected. */
function fits(got: Unit, unit: Unit | null): boolean {
  const plain = isDimensionless(got) && !got.percent;
  if (unit === null) return plain;
  if (unit === MONEY) return plain || sameDimensions(got, MONEY);
  return sameDimensions(got, unit);
}

/**
 * Reads `text` as a positive literal of `unit`: money (its `$` optional), power, a fraction
 * (`80%` or `0.8`) for PERCENT, a plain number for `null`; throws a UsageError otherwise.
 */
export function quantity(flag: string, text: string, unit: Unit | null): number {
  const trimmed = text.trim();
  const m = readLiteral(trimmed, 0);
  const ok =
    m !== null &&
    !("problem" in m) &&
    m.length === trimmed.length &&
    m.value > 0 &&
    fits(m.unit, unit);
  if (!ok) throw new UsageError(`${flag} ${text}: expected ${expected(unit)}, above 0`);
  return (m as LiteralMatch).value;
}

/** A required flag's value. */
export function required(flag: string, text: string | undefined, unit: Unit | null): number {
  if (text === undefined) throw new UsageError(`${flag} is required here`);
  return quantity(flag, text, unit);
}
