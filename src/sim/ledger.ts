// The quarter's obligations and the double-entry record of what was paid. Parties are entity
// indices ≥ 0 or outside sectors (negative codes); every transfer debits one party and credits
// another, so the outside sectors' net flow equals the change of all entities' cash.

/** Outside sectors, as negative party codes. */
export const CUSTOMERS = -1;
/** Outside equity investors. */
export const INVESTORS = -2;
/** Outside lenders. */
export const LENDERS = -3;
/** Outside suppliers (staff, power, other vendors). */
export const SUPPLIERS = -4;
/** Value destroyed by default costs (Rogers–Veraart clearing): it leaves the loop for no one. */
export const DEADWEIGHT = -5;

/** Names of the outside sectors by code. */
export const SECTOR_NAMES: Readonly<Record<number, string>> = {
  [CUSTOMERS]: "customers",
  [INVESTORS]: "investors",
  [LENDERS]: "lenders",
  [SUPPLIERS]: "suppliers",
  [DEADWEIGHT]: "deadweight",
};

/** What a payment is for; decides how it enters the income statement. */
export type FlowKind =
  | "sales"
  | "costs"
  | "cost-of-revenue"
  | "compute"
  | "services"
  | "hardware"
  | "lease"
  | "capex"
  | "interest"
  | "principal"
  | "loan"
  | "equity"
  | "default-cost";

/** An amount owed this quarter. */
export interface Obligation {
  /** Payer. */
  readonly from: number;
  /** Payee. */
  readonly to: number;
  /** Contract id or flow name. */
  readonly contract: string;
  /** What it is for. */
  readonly kind: FlowKind;
  /** Dollars owed (≥ 0). */
  readonly amount: number;
  /** Contract index, or −1. */
  readonly index: number;
}
