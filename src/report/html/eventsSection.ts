// The point run's events as a timeline table: quarter, company, what happened and the money,
// with defaults, unpaid amounts and lost contracts marked.

import { escapeHtml, htmlTable, paragraph } from "./markup.js";
import { money, nameOf } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/**
 * Event types that mean trouble: a default, a payment not made, a creditor unpaid, a stake
 * written down, a contract or a purchase lost.
 */
export const CRITICAL_EVENTS: ReadonlySet<string> = new Set([
  "default",
  "missed-payment",
  "unpaid",
  "stake-written-down",
  "contract-lost",
  "purchase-cut",
]);

/** The events section: a sentence on the defaults and a table of every event in order. */
export function eventsSection(data: ReportData): ReportSection {
  const events = data.point.events;
  const defaults = events.filter((e) => e.type === "default");
  const critical = events.filter((e) => CRITICAL_EVENTS.has(e.type));
  const lead =
    defaults.length === 0
      ? "No company defaults in the point run."
      : `In the point run ${defaults.map((e) => `${nameOf(data, e.entity)} defaults in ${e.quarter}`).join(", ")}.`;
  const unpaid = critical.reduce((a, e) => a + (e.type === "default" ? 0 : e.amount), 0);
  const rows = events.map((e) => [
    e.quarter,
    nameOf(data, e.entity),
    CRITICAL_EVENTS.has(e.type)
      ? { html: `<strong class="critical">${escapeHtml(e.type)}</strong>` }
      : e.type,
    e.amount === 0 ? "" : money(e.amount),
    e.message,
  ]);
  const table =
    rows.length === 0
      ? paragraph("Nothing happened beyond the contracts' payments.")
      : htmlTable(["quarter", "company", "event", "money", "what happened"], rows, [3]);
  return {
    id: "events",
    title: "Events",
    html: `${paragraph(`${lead} ${critical.length} event${critical.length === 1 ? "" : "s"} of trouble (missed payments, unpaid creditors, write-downs, lost contracts, cut purchases, defaults), ${money(unpaid)} involved besides the defaults.`)}${table}`,
  };
}
