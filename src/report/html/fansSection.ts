// Fan charts per company from the Monte Carlo summaries: cash, revenue, net income and the outside
// equity and debt raised, per quarter, with the quarters of default marked.

import { fanChart, type Marker } from "../../charts/index.js";
import type { SeriesName } from "../../sim/result.js";
import { escapeHtml, figure, paragraph } from "./markup.js";
import { count, share } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** The metrics shown, with their names in titles. */
const METRICS: ReadonlyArray<readonly [SeriesName, string]> = [
  ["cash", "cash at the quarter's end"],
  ["revenue", "revenue per quarter"],
  ["netIncome", "net income per quarter"],
  ["equityRaised", "outside equity raised per quarter"],
  ["debtRaised", "outside debt raised per quarter"],
];

/**
 * The quarters to mark for entity `id`: its default in the point run, and the first quarter by
 * which it has defaulted in more than half of the samples.
 */
export function defaultMarkers(data: ReportData, id: string): Marker[] {
  const markers: Marker[] = [];
  const at = data.point.entities[id]?.defaultedAt ?? null;
  if (at !== null) markers.push({ at, text: "defaults (point run)" });
  const by = data.monteCarlo.probabilities[id]?.defaultBy ?? [];
  const half = by.findIndex((p) => p > 0.5);
  if (half >= 0)
    markers.push({ at: data.monteCarlo.quarters[half] as string, text: "P(default) > 50%" });
  return markers;
}

/** One company's fan charts. */
function company(data: ReportData, id: string, name: string): string {
  const summary = data.monteCarlo.summary[id];
  if (summary === undefined) return "";
  const markers = defaultMarkers(data, id);
  const charts = METRICS.map(([metric, what]) =>
    figure(
      fanChart({
        title: `${name}: ${what}`,
        unit: "money",
        labels: data.monteCarlo.quarters,
        bands: summary[metric].quarters,
        markers,
      }),
      `${name}, ${what}: median, 25–75% and 5–95% of ${count(data.samples)} samples.`,
    ),
  );
  const marks =
    markers.length === 0
      ? "No default is marked: it does not default in the point run, and in no quarter has it defaulted in more than half of the samples."
      : `Marked: ${markers.map((m) => `${m.text} in ${m.at}`).join("; ")}.`;
  return `<h3>${escapeHtml(name)}</h3>${paragraph(`${marks} It defaults by the end in ${share(data.monteCarlo.probabilities[id]?.defaultBy.at(-1) ?? 0)} of the samples.`)}<div class="fan-grid">${charts.join("")}</div>`;
}

/** The fans section: five fan charts per company. */
export function fansSection(data: ReportData): ReportSection {
  return {
    id: "fans",
    title: "Fan charts",
    html: `${paragraph("Each chart shows one quantity per quarter across the Monte Carlo samples: the median line, the 25–75% band and the 5–95% band. Outside equity and outside debt raised are drawn as two charts: their per-sample sum is not summarised, and the sum of two bands is not the band of the sum.")}${data.entities.map((e) => company(data, e.id, e.name)).join("\n")}`,
  };
}
