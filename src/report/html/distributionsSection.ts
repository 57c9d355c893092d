// Distributions over the Monte Carlo samples: a histogram of each declared output and of each
// company's default quarter, and the probabilities in words.

import { binSamples, histogram, lineChart } from "../../charts/index.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { bulletList, escapeHtml, figure, paragraph } from "./markup.js";
import { count, ofSamples, share, valueUnitOf } from "./reportFormat.js";
import type { ReportData, ReportOutput } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** The probabilities of one company in words: its default by the end, its profit each year. */
export function companySentences(data: ReportData, id: string, name: string): string[] {
  const p = data.monteCarlo.probabilities[id];
  if (p === undefined) return [];
  const end = data.monteCarlo.quarters.at(-1) ?? "";
  return [
    `${name} defaults by the end of ${end} in ${share(p.defaultBy.at(-1) ?? 0)} ${ofSamples(data)}.`,
    ...data.monteCarlo.years.map(
      (year, y) =>
        `${name} is profitable in ${year} in ${share(p.profitableIn[y] ?? 0)} ${ofSamples(data)}.`,
    ),
  ];
}

/** An output's summary in words. */
export function outputSentence(data: ReportData, o: ReportOutput): string {
  if (o.boolean)
    return `${o.name} (${o.text}) holds in ${share(o.summary.probability ?? o.summary.mean)} ${ofSamples(data)}.`;
  const f = (x: number) => formatQuantity(x, o.unit);
  return `${o.name} (${o.text}): mean ${f(o.summary.mean)}, median ${f(o.summary.p50)}, 90% of the ${count(data.samples)} samples between ${f(o.summary.p5)} and ${f(o.summary.p95)}.`;
}

/** An output's histogram (a yes/no output: the shares of yes and no). */
function outputFigure(data: ReportData, o: ReportOutput): string {
  const p = o.summary.probability ?? o.summary.mean;
  const bins = o.boolean
    ? [
        { label: "yes", value: p },
        { label: "no", value: 1 - p },
      ]
    : binSamples(o.samples, valueUnitOf(o.unit));
  const svg = histogram({ title: o.name, xTitle: o.text, bins, valueIs: "share" });
  const note = o.note === undefined ? "" : ` ${o.note}`;
  return `<h4>${escapeHtml(o.name)}</h4>${paragraph(outputSentence(data, o))}${figure(svg, `Share of the ${count(data.samples)} samples per bin of ${o.name}.${note}`)}`;
}

/** A company's default quarter as a histogram, or a sentence when it never defaults. */
function defaultFigure(data: ReportData, id: string, name: string): string {
  const p = data.monteCarlo.probabilities[id];
  if (p === undefined) return "";
  if (p.defaultQuarter.never >= 1)
    return paragraph(`${name} does not default in any ${ofSamples(data)}.`);
  const bins = data.monteCarlo.quarters.map((label, q) => ({
    label,
    value: p.defaultQuarter.quarters[q] ?? 0,
  }));
  const svg = histogram({
    title: `${name}: quarter of default`,
    xTitle: "quarter",
    bins,
    valueIs: "share",
  });
  return figure(
    svg,
    `Share of the ${count(data.samples)} samples in which ${name} defaults in each quarter; it never defaults in ${share(p.defaultQuarter.never)}.`,
  );
}

/** The distributions section. */
export function distributionsSection(data: ReportData): ReportSection {
  const probabilities = lineChart({
    title: "Probability of default by each quarter",
    unit: "percent",
    labels: data.monteCarlo.quarters,
    series: data.entities.map((e) => ({
      name: e.name,
      values: data.monteCarlo.probabilities[e.id]?.defaultBy ?? [],
    })),
  });
  const companies = data.entities.map(
    (e) =>
      `<h3>${escapeHtml(e.name)}</h3>${bulletList(companySentences(data, e.id, e.name))}${defaultFigure(data, e.id, e.name)}`,
  );
  const outputs =
    data.outputs.length === 0
      ? paragraph("The scenario declares no outputs.")
      : data.outputs.map((o) => outputFigure(data, o)).join("\n");
  return {
    id: "distributions",
    title: "Distributions",
    html: `${paragraph(`Over ${count(data.samples)} samples, seed ${data.seed}.`)}${figure(probabilities, "Share of the samples in which each company has defaulted by the end of each quarter.")}${companies.join("\n")}<h3>Declared outputs</h3>${outputs}`,
  };
}
