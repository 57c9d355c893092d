// The terminal report of a Monte Carlo run: probabilities in words, then per company and year the
// 5th, 50th and 95th percentiles of the figures a reader asks for.

import type { OutputInfo } from "../outputs/outputsPlan.js";
import type { MonteCarloResult } from "../sim/monteCarloSummary.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT } from "../units/unit.js";
import { renderTable } from "./table.js";

const money = (x: number) => formatQuantity(x, MONEY);
const percent = (x: number) => formatQuantity(x, PERCENT);

/** The declared outputs as a table: a probability for conditions, else bands in their unit. */
function outputsTable(result: MonteCarloResult, infos: readonly OutputInfo[]): string {
  const rows = infos.flatMap((info) => {
    const s = result.outputs[info.name];
    if (s === undefined) return [];
    const show = (x: number) => formatQuantity(x, info.unit);
    return [
      s.probability !== undefined
        ? [info.name, `P = ${percent(s.probability)}`, "", "", "", info.text]
        : [info.name, show(s.mean), show(s.p5), show(s.p50), show(s.p95), info.text],
    ];
  });
  return renderTable(["output", "mean / P", "p5", "p50", "p95", "formula"], rows);
}

/**
 * The report as text; `outputs` describes the scenario's declared outputs (units, formulas).
 *
 * @example renderMonteCarloReport(result, checked.outputs.outputs)
 */
export function renderMonteCarloReport(
  result: MonteCarloResult,
  outputs: readonly OutputInfo[] = [],
): string {
  const parts: string[] = [];
  const n = result.samples.toLocaleString("en-US");
  parts.push(
    `${result.scenario}: ${result.quarters[0]} to ${result.quarters.at(-1)}, ${n} samples, seed ${result.seed}\n`,
  );
  for (const [id, p] of Object.entries(result.probabilities)) {
    const first = p.profitableIn.findIndex((x) => x >= 0.5);
    const profitable = result.years
      .map((y, i) => `${y} ${percent(p.profitableIn[i] as number)}`)
      .join(", ");
    const quarters = p.defaultQuarter.quarters;
    const likeliest = quarters.indexOf(Math.max(...quarters));
    const when =
      (p.defaultBy.at(-1) as number) > 0
        ? `, most often in ${result.quarters[likeliest]} (${percent(quarters[likeliest] as number)})`
        : "";
    parts.push(
      `• ${id} defaults within the horizon in ${percent(p.defaultBy.at(-1) as number)} of ${n} samples${when}; ` +
        `profitable in ${profitable}${first >= 0 ? ` (more likely than not from ${result.years[first]})` : ""}; ` +
        `its cash net of outside money goes below zero in ${percent(p.needsOutsideMoneyBy.at(-1) as number)}.`,
    );
  }
  if (outputs.length > 0)
    parts.push(`${parts.length > 1 ? "\n" : ""}Outputs\n${outputsTable(result, outputs)}`);
  for (const [id, metrics] of Object.entries(result.summary)) {
    const rows = (["revenue", "netIncome", "cash"] as const).flatMap((metric) =>
      (["p5", "p50", "p95"] as const).map((q) => [
        `${metric} ${q}`,
        ...metrics[metric].years.map((s) => money(s[q])),
      ]),
    );
    parts.push(`\n${id}\n${renderTable(["", ...result.years.map(String)], rows)}`);
  }
  if (Object.keys(result.summary).length > 0)
    parts.push(
      `\nMoney conserved in every sample and quarter (largest error ${money(result.checks.conservation.maxAbsError)}).`,
    );
  return `${parts.join("\n")}\n`;
}
