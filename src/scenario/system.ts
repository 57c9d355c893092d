// The loop's parts as the simulation sees them: entities, contracts and capacity, each number
// referring to the assumption (named `<id>.<field>`) that holds it.

import type { z } from "zod";
import type { capacitySchema, contractSchema, entitySchema } from "./schemaSystem.js";

/** An entity as written. */
export type EntityFile = z.infer<typeof entitySchema>;
/** A contract as written. */
export type ContractFile = z.infer<typeof contractSchema>;
/** A capacity entry as written. */
export type CapacityFile = z.infer<typeof capacitySchema>;

/** The loop's parts, with ids in file order. */
export interface SystemSpec {
  /** How each quarter's obligations clear when some payer is short. */
  readonly clearing: ClearingRule;
  /** Entities by id, in file order. */
  readonly entities: ReadonlyArray<{ readonly id: string; readonly spec: EntityFile }>;
  /** Contracts in file order. */
  readonly contracts: readonly ContractFile[];
  /** Capacity in file order. */
  readonly capacity: readonly CapacityFile[];
}

/**
 * How a quarter's obligations clear across the loop when a payer is short (docs/network.md):
 * `eisenberg-noe`, the greatest clearing vector, exactly, with the round in which each defaulter
 * was found; `rogers-veraart`, the same with default costs (a defaulter realises only `alpha` of
 * its outside assets and `beta` of what it is paid; the rest is lost); `pro-rata`, the earlier
 * rule: the same fixed point reached by iterating from full payment, without rounds.
 */
export type ClearingRule =
  | { readonly method: "eisenberg-noe" | "pro-rata" }
  | { readonly method: "rogers-veraart"; readonly alpha: number; readonly beta: number };

/** The clearing used when a scenario does not choose one. */
export const DEFAULT_CLEARING: ClearingRule = { method: "eisenberg-noe" };

/** The name of the assumption holding a field: `openai.cash`, `openai.funding.min_cash`. */
export function fieldName(id: string, ...path: string[]): string {
  return [id, ...path].join(".");
}

/** Numeric fields of an entity, as paths under the entity. */
export const ENTITY_FIELDS: readonly (readonly string[])[] = [
  ["cash"],
  ["debt"],
  ["valuation"],
  ["revenue"],
  ["costs"],
  ["cost_of_revenue"],
  ["funding", "min_cash"],
  ["funding", "equity"],
  ["funding", "debt"],
  ["funding", "rate"],
];

/** Numeric fields of contracts (whichever a type has). */
export const CONTRACT_FIELDS: readonly string[] = [
  "amount",
  "per_gw",
  "cap",
  "total",
  "principal",
  "rate",
];

/** Numeric fields of capacity (suppliers' shares are `suppliers.<id>`). */
export const CAPACITY_FIELDS: readonly string[] = [
  "online",
  "watts_per_gpu",
  "capex_per_gw",
  "useful_life",
  "failure_rate",
];
