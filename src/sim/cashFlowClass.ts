// Which section of the cash-flow statement a transfer belongs to, for each side of it.

import type { FlowKind } from "./ledger.js";
import type { SeriesName } from "./result.js";

/** A section of the cash-flow statement. */
export type CashFlowSection = "operating" | "investing" | "financing";

/** The series that records each section (looked up, not built as a string, on the hot path). */
export const CASH_FLOW_SERIES = {
  operating: "operatingCashFlow",
  investing: "investingCashFlow",
  financing: "financingCashFlow",
} as const satisfies Record<CashFlowSection, SeriesName>;

/**
 * The section of a transfer of `kind` for the payer (`side` = "payer") or the payee. Equity and
 * loans are financing for who receives them and investing for who provides them; capex and
 * hardware are investing for the buyer and operating (sales) for the supplier; interest is
 * operating, as under US GAAP.
 *
 * @example cashFlowSection("equity", "payee") // "financing"
 */
export function cashFlowSection(kind: FlowKind, side: "payer" | "payee"): CashFlowSection {
  switch (kind) {
    case "equity":
    case "loan":
      return side === "payee" ? "financing" : "investing";
    case "principal":
      return side === "payer" ? "financing" : "investing";
    case "capex":
    case "hardware":
      return side === "payer" ? "investing" : "operating";
    default:
      return "operating";
  }
}
