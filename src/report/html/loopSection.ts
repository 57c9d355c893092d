// The loop: who paid whom in one year of the point run, as a diagram of companies and outside
// sectors with the money per year on the arrows and the cycles highlighted; one pre-rendered
// diagram per year behind radio tabs that work without scripts.

import { loopDiagram } from "../../charts/index.js";
import { escapeHtml, figure, htmlTable, paragraph } from "./markup.js";
import { money, nameOf } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** Outside sectors as a reader knows them. */
const SECTOR_LABELS: Readonly<Record<string, string>> = {
  customers: "end customers",
  investors: "outside investors",
  lenders: "lenders",
  suppliers: "suppliers",
  deadweight: "lost to default costs",
};

/** The money from one party to another over a year. */
export interface PaymentEdge {
  readonly from: string;
  readonly to: string;
  /** Dollars over the year. */
  readonly amount: number;
  /** What the money was for (contract ids or kinds of flow), in order of first payment. */
  readonly what: readonly string[];
  /** Whether the payment is a step of a cycle that money went round that year. */
  readonly inCycle: boolean;
}

/** Payments of `year` summed by payer and payee, largest first. */
export function paymentEdges(data: ReportData, year: number): PaymentEdge[] {
  const steps = new Set<string>();
  for (const c of data.trace.cycles) {
    if (!((c.years[year] ?? 0) > 0)) continue;
    c.members.forEach((m, k) => {
      steps.add(`${m}>${c.members[(k + 1) % c.members.length]}`);
    });
  }
  const edges = new Map<string, { from: string; to: string; amount: number; what: string[] }>();
  for (const f of data.point.flows) {
    if (Number(f.quarter.slice(0, 4)) !== year || !(f.amount > 0)) continue;
    const key = `${f.from}>${f.to}`;
    const edge = edges.get(key) ?? { from: f.from, to: f.to, amount: 0, what: [] };
    edge.amount += f.amount;
    if (!edge.what.includes(f.contract)) edge.what.push(f.contract);
    edges.set(key, edge);
  }
  return [...edges.entries()]
    .map(([key, e]) => ({ ...e, inCycle: steps.has(key) }))
    .sort((a, b) => b.amount - a.amount || a.from.localeCompare(b.from));
}

/** The year with the most money round the cycles (the first year when none has any). */
export function busiestYear(data: ReportData): number {
  const years = data.trace.years;
  const round = (y: number) => data.trace.cycles.reduce((a, c) => a + (c.years[y] ?? 0), 0);
  return years.reduce((best, y) => (round(y) > round(best) ? y : best), years[0] ?? 0);
}

/** The label of a node: a company's name, or an outside sector in words. */
function label(data: ReportData, id: string): string {
  return id in data.point.entities ? nameOf(data, id) : (SECTOR_LABELS[id] ?? id);
}

/** One year's diagram and table. */
function yearPanel(data: ReportData, year: number, nodes: readonly string[]): string {
  const edges = paymentEdges(data, year);
  const svg = loopDiagram(
    {
      title: `${data.scenario.name}: money between the companies in ${year}`,
      nodes: nodes.map((id) => ({
        id,
        label: label(data, id),
        kind: id in data.point.entities ? "company" : "sector",
      })),
      edges: edges.map((e) => ({
        from: e.from,
        to: e.to,
        amount: e.amount,
        label: money(e.amount),
        inCycle: e.inCycle,
      })),
    },
    LOOP_SIZE,
  );
  const rows = edges.map((e) => [
    label(data, e.from),
    label(data, e.to),
    e.what.join(", "),
    money(e.amount),
    e.inCycle ? "yes" : "",
  ]);
  return `<div class="year-panel" data-year="${year}">${figure(svg, `Payments in ${year} (point run), dollars per year; arrows in a cycle are highlighted.`)}${htmlTable(["payer", "payee", "for", `${year}`, "in a cycle"], rows, [3])}</div>`;
}

/** The loop is drawn larger than the other charts: its arrows' labels need the room. */
const LOOP_SIZE = { width: 1000, height: 640 };

/** The cycles in words, with the money round each over the run. */
function cycleSentences(data: ReportData): string {
  const cycles = data.trace.cycles.filter((c) => Object.values(c.years).some((x) => x > 0));
  if (cycles.length === 0) return paragraph("No money went round a cycle in the point run.");
  const items = cycles.map((c) => {
    const path = [...c.members, c.members[0] as string].map((id) => nameOf(data, id)).join(" → ");
    const years = data.trace.years
      .filter((y) => (c.years[y] ?? 0) > 0)
      .map((y) => `${y} ${money(c.years[y] as number)}`)
      .join(", ");
    return `<li>${escapeHtml(`${path}: ${years}`)}</li>`;
  });
  return `<p>Money round each cycle per year (the least paid along any of its arrows):</p><ul>${items.join("")}</ul>`;
}

/** The loop section: the year selector, one diagram and table per year, the cycles in words. */
export function loopSection(data: ReportData): ReportSection {
  const years = data.trace.years;
  const nodes = [
    ...data.entities.map((e) => e.id),
    ...[...new Set(data.point.flows.flatMap((f) => [f.from, f.to]))].filter(
      (id) => !(id in data.point.entities),
    ),
  ];
  const selected = busiestYear(data);
  const tabs = years
    .map(
      (y) =>
        `<input type="radio" name="loop-year" id="loop-year-${y}" value="${y}"${y === selected ? " checked" : ""}><label for="loop-year-${y}">${y}</label>`,
    )
    .join("");
  const panels = years.map((y) => yearPanel(data, y, nodes)).join("\n");
  return {
    id: "loop",
    title: "The loop",
    html: `${paragraph("Who paid whom in the point run (every uncertain value at its median), per year.")}<p class="screen-only">Choose a year:</p><div class="year-tabs">${tabs}<div class="year-panels">${panels}</div></div>${cycleSentences(data)}`,
  };
}
