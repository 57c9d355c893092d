// Where each company's revenue comes from, per year: end customers, outside investors, lenders,
// its own money returning, or other loop members' capital, traced through the point run.

import { stackedBars } from "../../charts/index.js";
import type { OriginSplit } from "../../trace/originMix.js";
import { escapeHtml, figure, htmlTable, paragraph } from "./markup.js";
import { money, share } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** The origins in the order the charts stack them, with their names. */
const ORIGINS: ReadonlyArray<readonly [keyof OriginSplit, string]> = [
  ["endCustomers", "end customers"],
  ["investors", "outside investors"],
  ["lenders", "lenders"],
  ["self", "its own money returning"],
  ["loop", "other loop members' capital"],
];

/** One company's chart and table. */
function company(data: ReportData, id: string, name: string): string {
  const years = data.trace.years;
  const split = (y: number) => data.trace.origins[id]?.[y] ?? null;
  const revenue = (y: number) => data.trace.totals[id]?.[y]?.revenue ?? 0;
  const svg = stackedBars({
    title: `${name}: revenue by origin`,
    unit: "money",
    categories: years.map(String),
    series: ORIGINS.map(([key, label]) => ({
      name: label,
      values: years.map((y) => (split(y)?.[key] ?? 0) * revenue(y)),
    })),
  });
  const rows = [
    ["revenue", ...years.map((y) => money(revenue(y)))],
    ...ORIGINS.map(([key, label]) => [
      label,
      ...years.map((y) => {
        const s = split(y);
        return s === null ? "–" : share(s[key]);
      }),
    ]),
  ];
  const numeric = years.map((_, k) => k + 1);
  return `<h3>${escapeHtml(name)}</h3>${figure(svg, `${name}'s revenue per year in dollars, split by where the money came from (point run).`)}${htmlTable(["", ...years.map(String)], rows, numeric)}`;
}

/** The origins section: one stacked bar chart and one table of shares per company. */
export function originsSection(data: ReportData): ReportSection {
  return {
    id: "origins",
    title: "Where the money comes from",
    html: `${paragraph("Each dollar is followed through the point run by proportional mixing of each company's cash: a payment carries the mix of origins of the money its payer held. Revenue from end customers is the loop's own business; the rest is outside funding or capital passing round the loop.")}${data.entities.map((e) => company(data, e.id, e.name)).join("\n")}`,
  };
}
