// Every obligation a scenario can produce in a quarter, as a fixed table of slots compiled once
// per run: who pays whom, for what, and how the payment enters both parties' books. A quarter
// fills in the amounts (zero for what is not due), so stepping a sample allocates nothing.

import { CASH_FLOW_SERIES, cashFlowSection } from "./cashFlowClass.js";
import type { CompiledSystem, SimContract } from "./compiledSystem.js";
import { type FlowKind, LENDERS, SUPPLIERS } from "./ledger.js";
import { SERIES_INDEX } from "./result.js";

/** What a slot's payment does besides moving cash, as bit flags. */
export const BOOK = {
  /** The payee books revenue. */
  revenue: 1,
  /** The payer books a cost. */
  expense: 2,
  /** Interest: an expense of the payer, income (negative interest) of the payee. */
  interest: 4,
  /** The payer capitalises it as PP&E and depreciates it. */
  capitalize: 8,
  /** An equity investment between two entities: shares are issued to the payer. */
  equity: 16,
  /** A loan paid out by an entity: the payer holds a receivable. */
  loanOut: 32,
  /** A repayment of principal. */
  principal: 64,
  /** A purchase the buyer may skip in a quarter it cannot pay (not take-or-pay). */
  optional: 128,
} as const;

/** Slots in a fixed order: capacity (suppliers, then the rest), contracts, then entities. */
export interface ObligationSlots {
  /** Number of slots. */
  readonly count: number;
  /** Payer and payee: entity index, or an outside sector's negative code. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** What each slot is for. */
  readonly kind: readonly FlowKind[];
  /** Contract id or flow name, for the record of transfers. */
  readonly label: readonly string[];
  /** Contract index, or −1. */
  readonly contract: Int32Array;
  /** Capacity index for capex slots, or −1. */
  readonly capacity: Int32Array;
  /** BOOK flags. */
  readonly book: Int32Array;
  /** Series index of the cash-flow section the payment enters for the payer and the payee. */
  readonly payerSection: Int32Array;
  readonly payeeSection: Int32Array;
  /** Per capacity: the first supplier slot (the rest slot follows its suppliers). */
  readonly capacityStart: Int32Array;
  /** Per contract: its first slot (loans have three: paid out, interest, principal), or −1. */
  readonly contractStart: Int32Array;
  /** Per entity: its operating-cost slot (its debt-interest slot follows). */
  readonly entityStart: Int32Array;
  /**
   * Contract indices by type, each in index order: equity investments, purchases and leases,
   * loans. A loop over one type reads objects of one shape.
   */
  readonly equities: Int32Array;
  readonly purchases: Int32Array;
  readonly loans: Int32Array;
  /** The slots flagged BOOK.optional, in order. */
  readonly optional: Int32Array;
}

const REVENUE: ReadonlySet<FlowKind> = new Set([
  "sales",
  "compute",
  "services",
  "hardware",
  "lease",
  "capex",
]);
const EXPENSED: ReadonlySet<FlowKind> = new Set([
  "costs",
  "cost-of-revenue",
  "compute",
  "services",
  "lease",
]);

/** The cash-flow series index for each side of a payment of `kind`. */
export function sectionIndex(kind: FlowKind, side: "payer" | "payee"): number {
  return SERIES_INDEX[CASH_FLOW_SERIES[cashFlowSection(kind, side)]];
}

/** Book flags of a payment of `kind` from `from` to `to`. */
function bookFlags(kind: FlowKind, from: number, to: number): number {
  let flags = 0;
  if (REVENUE.has(kind)) flags |= BOOK.revenue;
  if (EXPENSED.has(kind)) flags |= BOOK.expense;
  if (kind === "interest") flags |= BOOK.interest;
  if (kind === "hardware" || kind === "capex") flags |= BOOK.capitalize;
  if (kind === "equity" && from >= 0 && to >= 0) flags |= BOOK.equity;
  if (kind === "loan" && from >= 0) flags |= BOOK.loanOut;
  if (kind === "principal") flags |= BOOK.principal;
  return flags;
}

/** Indices of the contracts of the given types, in index order. */
function contractsOf(
  system: CompiledSystem,
  ...types: ReadonlyArray<SimContract["type"]>
): Int32Array {
  const indices: number[] = [];
  system.contracts.forEach((c, ci) => {
    if (types.includes(c.type)) indices.push(ci);
  });
  return Int32Array.from(indices);
}

/** Compiles the slot table of `system`. */
export function compileSlots(system: CompiledSystem): ObligationSlots {
  const rows: Array<{
    from: number;
    to: number;
    kind: FlowKind;
    label: string;
    contract: number;
    capacity: number;
    optional: boolean;
  }> = [];
  const add = (
    from: number,
    to: number,
    kind: FlowKind,
    label: string,
    contract = -1,
    capacity = -1,
    optional = false,
  ): number => rows.push({ from, to, kind, label, contract, capacity, optional }) - 1;
  const capacityStart = system.capacity.map((c, k) => {
    const first = rows.length;
    for (const supplier of c.suppliers) add(c.owner, supplier.entity, "capex", c.id, -1, k);
    add(c.owner, SUPPLIERS, "capex", c.id, -1, k);
    return first;
  });
  const contractStart = system.contracts.map((c, i) => {
    switch (c.type) {
      case "equity":
        return add(c.from, c.to, "equity", c.id, i);
      case "purchase":
      case "lease":
        return add(c.from, c.to, c.kind, c.id, i, -1, !c.takeOrPay);
      case "loan": {
        const first = add(c.from, c.to, "loan", c.id, i);
        add(c.to, c.from, "interest", c.id, i);
        add(c.to, c.from, "principal", c.id, i);
        return first;
      }
      default:
        return c satisfies never;
    }
  });
  const entityStart = system.entities.map((_, k) => {
    const first = add(k, SUPPLIERS, "costs", "operating costs");
    add(k, LENDERS, "interest", "debt");
    return first;
  });
  const book = Int32Array.from(
    rows,
    (r) => bookFlags(r.kind, r.from, r.to) | (r.optional ? BOOK.optional : 0),
  );
  return {
    count: rows.length,
    from: Int32Array.from(rows, (r) => r.from),
    to: Int32Array.from(rows, (r) => r.to),
    kind: rows.map((r) => r.kind),
    label: rows.map((r) => r.label),
    contract: Int32Array.from(rows, (r) => r.contract),
    capacity: Int32Array.from(rows, (r) => r.capacity),
    book,
    payerSection: Int32Array.from(rows, (r) => sectionIndex(r.kind, "payer")),
    payeeSection: Int32Array.from(rows, (r) => sectionIndex(r.kind, "payee")),
    capacityStart: Int32Array.from(capacityStart),
    contractStart: Int32Array.from(contractStart),
    entityStart: Int32Array.from(entityStart),
    equities: contractsOf(system, "equity"),
    purchases: contractsOf(system, "purchase", "lease"),
    loans: contractsOf(system, "loan"),
    optional: Int32Array.from(rows.flatMap((r, j) => (r.optional ? [j] : []))),
  };
}
