// The terminal report of `perpetuum stress`: the shocks, then baseline and shocked side by side
// per company, the cascade as a timeline, and the value destroyed; or, for a Monte Carlo, the
// odds of default without and with the shocks.

import type { EntityStressOdds, PointStress } from "../stress/compareRuns.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT } from "../units/unit.js";
import { renderTable } from "./table.js";

const money = (x: number) => formatQuantity(x, MONEY);
const percent = (x: number) => formatQuantity(x, PERCENT);

function shockList(shocks: readonly string[]): string {
  return `Shocks:\n${shocks.map((s) => `  • ${s}`).join("\n")}\n`;
}

/** The report of a point-run stress. */
export function renderPointStress(
  scenario: string,
  shocks: readonly string[],
  stress: PointStress,
  origins: { readonly baseline: readonly string[]; readonly shocked: readonly string[] },
): string {
  const rows = Object.values(stress.entities).map((e) => [
    e.name,
    e.defaultedAt.baseline ?? "never",
    e.defaultedAt.shocked ?? "never",
    money(e.revenue.lost),
    money(e.backlogLost.shocked - e.backlogLost.baseline),
    money(e.equity.lost),
    money(e.stakes.lost),
  ]);
  const table = renderTable(
    [
      "company",
      "defaults (baseline)",
      "defaults (shocked)",
      "revenue lost",
      "backlog lost",
      "equity lost",
      "stakes written down",
    ],
    rows,
    ["left", "left", "left", "right", "right", "right", "right"],
  );
  const cascade =
    stress.cascade.length === 0
      ? "No company defaults under the shocks.\n"
      : `${renderTable(
          ["quarter", "event", "amount", "what happened"],
          stress.cascade.map((e) => [e.quarter, e.type, money(e.amount), e.message]),
          ["left", "left", "right", "left"],
        )}\n`;
  const dw = stress.deadweightLoss;
  return [
    `${scenario}: stress test (point run: every uncertain value at its median)\n`,
    shockList(shocks),
    "Baseline and shocked, over the whole horizon (lost = baseline − shocked):\n",
    `${table}\n`,
    "The cascade under the shocks:\n",
    cascade,
    `Value destroyed by default costs: ${money(dw.shocked)} (baseline ${money(dw.baseline)}).\n`,
    ...(origins.shocked.length > 0
      ? [
          "Where the money comes from, baseline (perpetuum trace has the detail):\n",
          `${origins.baseline.map((l) => `  • ${l}`).join("\n")}\n`,
          "and under the shocks:\n",
          `${origins.shocked.map((l) => `  • ${l}`).join("\n")}\n`,
        ]
      : []),
  ].join("\n");
}

/** The report of a Monte Carlo stress. */
export function renderMonteCarloStress(
  scenario: string,
  shocks: readonly string[],
  samples: number,
  odds: Readonly<Record<string, EntityStressOdds>>,
): string {
  const rows = Object.values(odds).map((e) => [
    e.name,
    percent(e.defaultProbability.baseline),
    percent(e.defaultProbability.shocked),
    e.medianDefaultQuarter.baseline ?? "–",
    e.medianDefaultQuarter.shocked ?? "–",
  ]);
  return [
    `${scenario}: stress test over ${samples.toLocaleString("en-US")} samples (the same draws with and without the shocks)\n`,
    shockList(shocks),
    `${renderTable(
      [
        "company",
        "P(default) baseline",
        "P(default) shocked",
        "median default quarter (baseline)",
        "(shocked)",
      ],
      rows,
      ["left", "right", "right", "left", "left"],
    )}\n`,
  ].join("\n");
}
