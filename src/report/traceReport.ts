// The terminal report of `perpetuum trace`: what the tracing says about each company that funds
// the loop and each one it funds, the cycles with the money round them per year, and every
// company's revenue and spending by origin. See docs/trace.md.

import type { RunResult } from "../sim/result.js";
import type { OriginSplit } from "../trace/originMix.js";
import type { ByEntityYear, TraceDocument, YearTotals } from "../trace/traceRun.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT } from "../units/unit.js";
import { renderTable } from "./table.js";

const money = (x: number) => formatQuantity(x, MONEY);
/** A fraction as a percentage; below 0.005% (rounding dust of the mixing) it reads 0%. */
const share = (x: number) => (Math.abs(x) < 5e-5 ? "0%" : formatQuantity(x, PERCENT));

/**
 * Published ratios of a funder's investment to what it sells to the loop, by funder id, for the
 * report to set beside the run's own figures.
 */
const RULES_OF_THUMB: Readonly<Record<string, string>> = {
  nvidia:
    "the analysts' rule of thumb: $10B invested per $35B of GPUs, about 29%, public:circularity-ratio",
};

/** The origin rows of a split, in the order the report shows them. */
const ORIGIN_ROWS: ReadonlyArray<readonly [keyof OriginSplit, string]> = [
  ["endCustomers", "end customers"],
  ["investors", "outside investors"],
  ["lenders", "lenders"],
  ["self", "its own money"],
  ["loop", "other companies' money"],
];

/**
 * Over the years of `doc`, the dollars of `origin` in the money counted by `amount`, their total,
 * and the fraction of each year that has any.
 */
function overRun(
  doc: TraceDocument,
  splits: Record<string, OriginSplit | null>,
  totals: Record<string, YearTotals>,
  amount: keyof YearTotals,
  origin: keyof OriginSplit,
): { part: number; total: number; byYear: string[] } {
  let part = 0;
  let total = 0;
  const byYear: string[] = [];
  for (const year of doc.years) {
    const split = splits[year];
    const dollars = totals[year]?.[amount] ?? 0;
    if (split === null || split === undefined) continue;
    part += split[origin] * dollars;
    total += dollars;
    byYear.push(`${year} ${share(split[origin])}`);
  }
  return { part, total, byYear };
}

/** Sentences on every company that funds others in the loop and every company funded by one. */
export function traceHeadlines(result: RunResult, doc: TraceDocument): string[] {
  const lines: string[] = [];
  const name = (id: string) => result.entities[id]?.name ?? id;
  const span = `${doc.years[0]}–${doc.years.at(-1)}`;
  const funded = new Set(
    result.flows
      .filter((f) => (f.kind === "equity" || f.kind === "loan") && f.to in result.entities)
      .filter((f) => f.from in result.entities)
      .map((f) => f.to),
  );
  for (const id of Object.keys(result.entities)) {
    const totals = doc.totals[id] as Record<string, YearTotals>;
    const invested = doc.years.reduce((a, y) => a + (totals[y]?.invested ?? 0), 0);
    if (invested <= 0) continue;
    const own = overRun(doc, doc.loopOrigins[id] ?? {}, totals, "loopRevenue", "self");
    const rule = RULES_OF_THUMB[id];
    const put = `${name(id)} put ${money(invested)} into the loop (equity and loans to other companies)`;
    if (own.total <= 0) {
      lines.push(`${put} and sold nothing to it.`);
      continue;
    }
    lines.push(
      `${put} and sold it ${money(own.total)}: ${money(1)} invested for every ${money(own.total / invested)} of sales, ${share(invested / own.total)}${rule ? ` (${rule})` : ""}. ` +
        `Traced dollar by dollar, ${money(own.part)} of those sales was its own money coming back: ${share(own.part / own.total)} of its revenue from the loop over ${span} (${own.byYear.join(", ")}).`,
    );
  }
  for (const id of Object.keys(result.entities)) {
    if (!funded.has(id)) continue;
    const totals = doc.totals[id] as Record<string, YearTotals>;
    const paid = overRun(doc, doc.spending[id] ?? {}, totals, "spending", "endCustomers");
    lines.push(
      `End customers paid ${share(paid.total > 0 ? paid.part / paid.total : 0)} of ${name(id)}'s spending over ${span} (${paid.byYear.join(", ")}).`,
    );
  }
  return lines;
}

/** One company's block: revenue and spending, each split by origin. */
function entityTable(doc: TraceDocument, id: string): string {
  const totals = doc.totals[id] as Record<string, YearTotals>;
  const rows: string[][] = [];
  const section = (
    label: string,
    amount: keyof YearTotals,
    splits: ByEntityYear<OriginSplit | null>,
  ) => {
    rows.push([label, ...doc.years.map((y) => money(totals[y]?.[amount] ?? 0))]);
    for (const [key, text] of ORIGIN_ROWS) {
      rows.push([
        `  ${text}`,
        ...doc.years.map((y) => {
          const split = splits[id]?.[y];
          return split ? share(split[key]) : "–";
        }),
      ]);
    }
  };
  section("revenue", "revenue", doc.origins);
  section("spending", "spending", doc.spending);
  return renderTable(["", ...doc.years.map(String)], rows);
}

/**
 * The report as text.
 *
 * @example renderTraceReport(result, traceRun(result))
 */
export function renderTraceReport(result: RunResult, doc: TraceDocument): string {
  const years = doc.years.map(String);
  const parts = [
    `${result.scenario}: ${result.quarters[0]} to ${result.quarters.at(-1)}, point run (every uncertain value at its median)\n`,
  ];
  const headlines = traceHeadlines(result, doc);
  if (headlines.length > 0) parts.push(`${headlines.map((l) => `• ${l}`).join("\n")}\n`);
  if (doc.cycles.length === 0) parts.push("No company's money came back to it: no cycles.\n");
  else {
    const rows = doc.cycles.map((c) => [
      [...c.members, c.members[0]].join(" → "),
      ...years.map((y) => {
        const x = c.years[y] ?? 0;
        return x === 0 ? "–" : money(x);
      }),
    ]);
    const count = `${doc.cycles.length}${doc.cyclesTruncated ? ", the list cut off there" : ""}`;
    parts.push(
      `Cycles of payments (${count}); the money round a cycle in a year is the least paid that year along any of its steps\n${renderTable(["cycle", ...years], rows)}\n`,
    );
  }
  parts.push(
    "Where the money comes from: each company's revenue and spending by the origin of the dollars, traced by proportional mixing of its cash (docs/trace.md)",
  );
  for (const id of Object.keys(result.entities)) {
    parts.push(`\n${result.entities[id]?.name ?? id}\n${entityTable(doc, id)}`);
  }
  return `${parts.join("\n")}\n`;
}
