// The terminal report of a Monte Carlo run: probabilities in words, then per company and year the
// 5th, 50th and 95th percentiles of the figures a reader asks for.

import type { MonteCarloResult } from "../sim/monteCarloSummary.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT } from "../units/unit.js";
import { renderTable } from "./table.js";

const money = (x: number) => formatQuantity(x, MONEY);
const percent = (x: number) => formatQuantity(x, PERCENT);

/**
 * The report as text.
 *
 * @example renderMonteCarloReport(result)
 */
export function renderMonteCarloReport(result: MonteCarloResult): string {
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
    parts.push(
      `• ${id} defaults within the horizon in ${percent(p.defaultBy.at(-1) as number)} of ${n} samples; ` +
        `profitable in ${profitable}${first >= 0 ? ` (more likely than not from ${result.years[first]})` : ""}.`,
    );
  }
  for (const [id, metrics] of Object.entries(result.summary)) {
    const rows = (["revenue", "netIncome", "cash"] as const).flatMap((metric) =>
      (["p5", "p50", "p95"] as const).map((q) => [
        `${metric} ${q}`,
        ...metrics[metric].years.map((s) => money(s[q])),
      ]),
    );
    parts.push(`\n${id}\n${renderTable(["", ...result.years.map(String)], rows)}`);
  }
  parts.push(
    `\nMoney conserved in every sample and quarter (largest error ${money(result.checks.conservation.maxAbsError)}).`,
  );
  return `${parts.join("\n")}\n`;
}
