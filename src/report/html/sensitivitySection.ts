// Which uncertain inputs move each declared output: a tornado of one-at-a-time swings (input at
// its 10th and 90th percentiles, the rest at medians) and Spearman's ρ over the samples.

import { tornadoChart } from "../../charts/index.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { escapeHtml, figure, htmlTable, paragraph } from "./markup.js";
import type { ReportData, ReportOutput } from "./reportData.js";
import { count, valueUnitOf } from "./reportFormat.js";
import type { ReportSection } from "./section.js";

/** Inputs shown per output: the largest swings. */
export const TORNADO_ROWS = 10;

/** One output's tornado and table. */
function output(o: ReportOutput): string {
  const rows = o.sensitivity.slice(0, TORNADO_ROWS);
  const f = (x: number) => formatQuantity(x, o.unit);
  const svg = tornadoChart({
    title: `${o.name}: what moves it`,
    unit: valueUnitOf(o.unit),
    base: o.atMedians,
    rows: rows.map((r) => ({ name: r.input, low: r.outputAtLow, high: r.outputAtHigh })),
  });
  const table = htmlTable(
    ["input", "ρ", "input p10 … p90", `${o.name} at p10 … p90`, "swing"],
    rows.map((r) => [
      r.input,
      r.rho.toFixed(2),
      `${formatQuantity(r.low, r.unit)} … ${formatQuantity(r.high, r.unit)}`,
      `${f(r.outputAtLow)} … ${f(r.outputAtHigh)}`,
      f(r.swing),
    ]),
    [1, 2, 3, 4],
  );
  const shown =
    o.sensitivity.length > rows.length
      ? `the ${rows.length} largest swings of ${o.sensitivity.length} uncertain inputs`
      : `all ${rows.length} uncertain inputs`;
  return `<h3>${escapeHtml(o.name)}</h3>${figure(svg, `${o.name} (${o.text}): ${f(o.atMedians)} with every input at its median; bars from the input at its 10th to its 90th percentile; ${shown}.`)}${table}`;
}

/** The sensitivity section: one tornado per declared output. */
export function sensitivitySection(data: ReportData): ReportSection {
  const body =
    data.outputs.length === 0
      ? paragraph("The scenario declares no outputs to explain.")
      : data.outputs.map(output).join("\n");
  return {
    id: "sensitivity",
    title: "Sensitivity",
    html: `${paragraph(`Each bar is two point runs with one uncertain input at its 10th and 90th percentiles and every other input at its median; ρ is Spearman's rank correlation of the output with the input over the ${count(data.samples)} samples. A yes/no output often swings by nothing: then ρ says more.`)}${body}`,
  };
}
