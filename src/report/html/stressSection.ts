// The scenario under shocks beside its baseline: what each company loses, its odds of default,
// its cash in both runs, and the two runs' events of trouble side by side.

import { lineChart, type Marker } from "../../charts/index.js";
import type { MonteCarloResult } from "../../sim/monteCarloSummary.js";
import type { SimEvent } from "../../sim/result.js";
import { CRITICAL_EVENTS } from "./eventsSection.js";
import { bulletList, escapeHtml, figure, htmlTable, paragraph } from "./markup.js";
import { count, money, nameOf, share } from "./reportFormat.js";
import type { ReportData, ReportStress } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** A table of events of trouble, or a sentence when there is none. */
function troubleTable(data: ReportData, events: readonly SimEvent[], run: string): string {
  const rows = events
    .filter((e) => CRITICAL_EVENTS.has(e.type))
    .map((e) => [e.quarter, nameOf(data, e.entity), e.type, money(e.amount), e.message]);
  const body =
    rows.length === 0
      ? paragraph("No missed payment, default, unpaid creditor, write-down or lost contract.")
      : htmlTable(["quarter", "company", "event", "money", "what happened"], rows, [3]);
  return `<div><h4>${escapeHtml(run)}</h4>${body}</div>`;
}

/** A cash band of a run: median with p5–p95. */
function cashSeries(mc: MonteCarloResult, id: string, name: string) {
  const q = mc.summary[id]?.cash.quarters ?? [];
  return {
    name,
    values: q.map((s) => s.p50),
    band: { low: q.map((s) => s.p5), high: q.map((s) => s.p95) },
  };
}

/** One company's cash in both runs. */
function cashFigure(data: ReportData, stress: ReportStress, id: string, name: string): string {
  const markers: Marker[] = [];
  const before = data.point.entities[id]?.defaultedAt ?? null;
  const after = stress.point.entities[id]?.defaultedAt ?? null;
  if (before !== null) markers.push({ at: before, text: "baseline default" });
  if (after !== null) markers.push({ at: after, text: "shocked default" });
  const svg = lineChart({
    title: `${name}: cash, baseline and shocked`,
    unit: "money",
    labels: data.monteCarlo.quarters,
    series: [
      cashSeries(data.monteCarlo, id, "baseline"),
      cashSeries(stress.monteCarlo, id, "shocked"),
    ],
    markers,
  });
  return figure(
    svg,
    `${name}'s cash at each quarter's end: medians with 5–95% bands over the same ${count(data.samples)} samples, without and with the shocks; defaults of the point runs marked.`,
  );
}

/** The stress section, or null when no shock was given. */
export function stressSection(data: ReportData): ReportSection | null {
  const stress = data.stress;
  if (stress === null) return null;
  const c = stress.comparison;
  const rows = data.entities.map((e) => {
    const s = c.entities[e.id];
    const odds = stress.odds[e.id];
    return [
      e.name,
      `${share(odds?.defaultProbability.baseline ?? 0)} → ${share(odds?.defaultProbability.shocked ?? 0)}`,
      `${odds?.medianDefaultQuarter.baseline ?? "–"} → ${odds?.medianDefaultQuarter.shocked ?? "–"}`,
      `${s?.defaultedAt.baseline ?? "–"} → ${s?.defaultedAt.shocked ?? "–"}`,
      money(s?.revenue.lost ?? 0),
      money(s?.backlogLost.shocked ?? 0),
      money(s?.equity.lost ?? 0),
      money(s?.stakes.lost ?? 0),
    ];
  });
  const table = htmlTable(
    [
      "company",
      "P(default by the end)",
      "median default quarter",
      "point run defaults",
      "revenue lost",
      "backlog lost",
      "equity lost",
      "stakes written down",
    ],
    rows,
    [1, 4, 5, 6, 7],
  );
  const lead = `Shocks: the same ${count(data.samples)} samples (seed ${data.seed}) run again under`;
  const deadweight = `Value destroyed by default costs: ${money(c.deadweightLoss.baseline)} in the baseline, ${money(c.deadweightLoss.shocked)} under the shocks. Money lost is baseline less shocked over the horizon (point runs), equity and stakes at the end.`;
  return {
    id: "stress",
    title: "Under stress",
    html: `${paragraph(lead)}${bulletList(stress.shocks)}${table}${paragraph(deadweight)}<div class="side-by-side">${troubleTable(data, data.point.events, "Baseline (point run)")}${troubleTable(data, stress.point.events, "Shocked (point run)")}</div><div class="fan-grid">${data.entities.map((e) => cashFigure(data, stress, e.id, e.name)).join("")}</div>`,
  };
}
