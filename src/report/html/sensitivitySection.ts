// Which uncertain inputs move each declared output: a tornado of one-at-a-time swings (input at
// its 10th and 90th percentiles, the rest at medians) and Spearman's ρ over the samples.

import { tornadoChart } from "../../charts/index.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { PERCENT } from "../../units/unit.js";
import { escapeHtml, figure, htmlTable, paragraph } from "./markup.js";
import { count, valueUnitOf } from "./reportFormat.js";
import type { ReportData, ReportOutput, ReportSensitivityRow } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** Inputs shown per output: the largest swings. */
export const TORNADO_ROWS = 10;

/** How far the inputs' lowest and highest tenths of samples set the output apart. */
function tenthSpread(r: ReportSensitivityRow): number {
  return Math.abs(r.inHighTenth - r.inLowTenth);
}

/**
 * One output's tornado and table: the swings of one-at-a-time point runs; when no input moves it
 * on its own (common for a yes/no output), the output's mean over the samples whose input is in
 * its lowest and highest tenth instead.
 */
function output(o: ReportOutput): string {
  const bySwing = o.sensitivity.some((r) => r.swing > 0);
  const ranked = bySwing
    ? o.sensitivity
    : [...o.sensitivity].sort((a, b) => tenthSpread(b) - tenthSpread(a));
  const rows = ranked.slice(0, TORNADO_ROWS);
  const unit = o.boolean ? PERCENT : o.unit;
  const f = (x: number) => formatQuantity(x, unit);
  const svg = tornadoChart({
    title: `${o.name}: what moves it`,
    unit: valueUnitOf(unit),
    base: bySwing ? o.atMedians : o.summary.mean,
    rows: rows.map((r) => ({
      name: r.input,
      low: bySwing ? r.outputAtLow : r.inLowTenth,
      high: bySwing ? r.outputAtHigh : r.inHighTenth,
    })),
  });
  const table = htmlTable(
    [
      "input",
      "ρ",
      "input p10 … p90",
      `${o.name} at p10 … p90`,
      "swing",
      "in the input's lowest … highest tenth of samples",
    ],
    rows.map((r) => [
      r.input,
      r.rho.toFixed(2),
      `${formatQuantity(r.low, r.unit)} … ${formatQuantity(r.high, r.unit)}`,
      `${f(r.outputAtLow)} … ${f(r.outputAtHigh)}`,
      f(r.swing),
      `${f(r.inLowTenth)} … ${f(r.inHighTenth)}`,
    ]),
    [1, 2, 3, 4, 5],
  );
  const shown =
    o.sensitivity.length > rows.length
      ? `the ${rows.length} strongest of ${o.sensitivity.length} uncertain inputs`
      : `all ${rows.length} uncertain inputs`;
  const what = bySwing
    ? `${f(o.atMedians)} with every input at its median; bars from the input at its 10th to its 90th percentile, the rest at medians`
    : `no input moves it on its own between its 10th and 90th percentiles, so the bars show its ${o.boolean ? "probability" : "mean"} (${f(o.summary.mean)} over all samples) among the samples whose input is in its lowest and in its highest tenth`;
  return `<h3>${escapeHtml(o.name)}</h3>${figure(svg, `${o.name} (${o.text}): ${what}; ${shown}.`)}${table}`;
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
    html: `${paragraph(`Each bar is two point runs with one uncertain input at its 10th and 90th percentiles and every other input at its median; ρ is Spearman's rank correlation of the output with the input over the ${count(data.samples)} samples. A yes/no output often swings by nothing: then the bars compare the samples where the input is low and where it is high.`)}${body}`,
  };
}
