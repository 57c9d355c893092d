// A GPU reserve beside the same money in gold: value bands per quarter, the crossover after which
// gold stays ahead, the hardware's half-life and P(GPU beats gold) per year.

import { lineChart, type Marker } from "../../charts/index.js";
import type { Band, Timing } from "../../reserve/index.js";
import { quarterLabel } from "../../scenario/quarter.js";
import { bulletList, figure, htmlTable, paragraph } from "./markup.js";
import { count, money, share } from "./reportFormat.js";
import type { ReportData, ReportReserve } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** When, in words: the quarter and how long after purchase, or never. */
function when(r: ReportReserve, quarter: number | null): string {
  if (quarter === null) return "never within the horizon";
  return `${quarterLabel(r.bought + quarter)} (${quarter} quarter${quarter === 1 ? "" : "s"} after purchase)`;
}

/** The spread of a timing across samples, in words. */
function spread(r: ReportReserve, t: Timing): string {
  const b: Band | null = t.quarters;
  if (b === null) return "";
  const at = (q: number) => quarterLabel(r.bought + Math.round(q));
  return at(b.p5) === at(b.p95)
    ? `; in all of them ${at(b.p50)}`
    : `; median ${at(b.p50)}, 90% between ${at(b.p5)} and ${at(b.p95)}`;
}

/** The reserve section, or null when the report has no reserve. */
export function reserveSection(data: ReportData): ReportSection | null {
  const r = data.reserve;
  if (r === null) return null;
  const s = r.summary;
  const labels = s.perQuarter.map((q) => quarterLabel(r.bought + q.quarter));
  const markers: Marker[] = [];
  if (s.medianCrossover !== null)
    markers.push({ at: quarterLabel(r.bought + s.medianCrossover), text: "gold ahead" });
  if (s.medianHalfLife !== null)
    markers.push({ at: quarterLabel(r.bought + s.medianHalfLife), text: "half-life" });
  const svg = lineChart({
    title: `${r.name}: GPU reserve beside gold`,
    unit: "money",
    labels,
    series: [
      {
        name: "GPUs with net rent",
        values: s.perQuarter.map((q) => q.gpu.p50),
        band: { low: s.perQuarter.map((q) => q.gpu.p5), high: s.perQuarter.map((q) => q.gpu.p95) },
      },
      {
        name: "gold",
        values: s.perQuarter.map((q) => q.gold.p50),
        band: {
          low: s.perQuarter.map((q) => q.gold.p5),
          high: s.perQuarter.map((q) => q.gold.p95),
        },
      },
      { name: "GPU hardware alone", values: s.perQuarter.map((q) => q.hardware.p50) },
    ],
    markers,
  });
  const years = Array.from({ length: r.years }, (_, y) => y + 1).filter(
    (y) => s.perQuarter[4 * y] !== undefined,
  );
  const rows = years.map((y) => {
    const q = s.perQuarter[4 * y] as (typeof s.perQuarter)[number];
    return [
      String(y),
      labels[4 * y] as string,
      money(q.gpu.p50),
      `${money(q.gpu.p5)} – ${money(q.gpu.p95)}`,
      money(q.gold.p50),
      `${money(q.gold.p5)} – ${money(q.gold.p95)}`,
      share(q.pGpuBeatsGold),
    ];
  });
  const sentences = [
    `Bought ${quarterLabel(r.bought)} for ${money(s.cost.p50)} (median); ${count(s.samples)} samples.`,
    `Crossover: in the median paths gold is worth more from ${when(r, s.medianCrossover)} on. Gold stays ahead to the end in ${share(s.crossover.share)} of samples${spread(r, s.crossover)}.`,
    `Half-life: the median hardware value falls below half the cost in ${when(r, s.medianHalfLife)}; within the horizon in ${share(s.halfLife.share)} of samples${spread(r, s.halfLife)}.`,
  ];
  return {
    id: "reserve",
    title: "GPU reserve beside gold",
    html: `${r.description === undefined ? "" : paragraph(r.description)}${bulletList(sentences)}${figure(svg, "Medians with 5–95% bands: the GPUs' hardware value plus cumulative rent net of power and hosting, and the same money in gold.")}${htmlTable(["year", "quarter", "GPU p50", "GPU p5 – p95", "gold p50", "gold p5 – p95", "P(GPU > gold)"], rows, [2, 3, 4, 5, 6])}`,
  };
}
