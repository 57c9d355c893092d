// The terminal report of a run: headlines first, then per company and year the figures a reader
// asks for, the money that went round the loop, and what happened when.

import type { OutputInfo } from "../outputs/outputsPlan.js";
import type { RunResult, SimEvent } from "../sim/result.js";
import { traceRun } from "../trace/traceRun.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { MONEY, PERCENT } from "../units/unit.js";
import { renderTable } from "./table.js";
import { traceHeadlines } from "./traceReport.js";
import { yearEnd, yearlySum, yearsOf } from "./yearly.js";

const OUTSIDE = new Set(["customers", "investors", "lenders", "suppliers"]);
const money = (x: number) => formatQuantity(x, MONEY);
const percent = (x: number) => formatQuantity(x, PERCENT);

/** Money that entered each entity from an outside sector, per year, by sector. */
function outsideMoney(result: RunResult, id: string, sectors: readonly string[]): number[] {
  const series = result.quarters.map((q) =>
    result.flows
      .filter((f) => f.quarter === q && f.to === id && sectors.includes(f.from))
      .reduce((a, f) => a + f.amount, 0),
  );
  return yearlySum(result.quarters, series);
}

/** Headlines answering the article's questions as far as a point run can. */
export function headlines(result: RunResult): string[] {
  const lines: string[] = [];
  const years = yearsOf(result.quarters);
  for (const [id, e] of Object.entries(result.entities)) {
    const ni = yearlySum(result.quarters, e.series.netIncome);
    const firstProfit = years.find((_, i) => (ni[i] as number) > 0);
    const losses = ni
      .slice(0, 3)
      .map((x, i) => `${money(x)} (${years[i]})`)
      .join(", ");
    const equity = outsideMoney(result, id, ["investors"]).reduce((a, b) => a + b, 0);
    const debt = outsideMoney(result, id, ["lenders"]).reduce((a, b) => a + b, 0);
    const sales = result.flows.filter(
      (f) => f.to === id && f.kind !== "equity" && f.kind !== "loan",
    );
    const total = sales.reduce((a, f) => a + f.amount, 0);
    const loop = sales.filter((f) => !OUTSIDE.has(f.from)).reduce((a, f) => a + f.amount, 0);
    const fate = e.defaultedAt ? `defaults in ${e.defaultedAt}` : "never defaults";
    lines.push(
      `${e.name}: net income ${losses}; ${firstProfit ? `first profitable year ${firstProfit}` : "no profitable year"}; ` +
        `${money(equity)} of outside equity and ${money(debt)} of outside debt raised; ` +
        `${percent(total > 0 ? loop / total : 0)} of its receipts come from inside the loop; ${fate}.`,
    );
  }
  for (const e of Object.values(result.entities)) {
    for (const [investee, stake] of Object.entries(e.stakes)) {
      const first = stake.findIndex((x) => x > 0);
      if (first < 0) continue;
      const name = result.entities[investee]?.name ?? investee;
      lines.push(
        `${e.name}'s stake in ${name}: ${percent(stake[first] as number)} after its first investment (${result.quarters[first]}), ${percent(stake.at(-1) as number)} at the end.`,
      );
    }
  }
  const gw = Object.values(result.entities).reduce((a, e) => a + (e.series.gw.at(-1) as number), 0);
  const gpus = Object.values(result.entities).reduce(
    (a, e) => a + (e.series.gpus.at(-1) as number),
    0,
  );
  if (gw > 0)
    lines.push(
      `Capacity built: ${formatQuantity(gw, { money: 0, power: 1, percent: false })}, ${formatQuantity(gpus, { money: 0, power: 0, percent: false })} GPUs still working at the end.`,
    );
  return lines;
}

/** Groups repeated events (the same entity, type and message) into one line each. */
function groupEvents(events: readonly SimEvent[]): string[][] {
  const groups = new Map<
    string,
    { first: string; last: string; count: number; amount: number; e: SimEvent }
  >();
  for (const e of events) {
    const key = `${e.entity}|${e.type}|${e.message}`;
    const g = groups.get(key);
    if (g) {
      g.last = e.quarter;
      g.count++;
      g.amount += e.amount;
    } else groups.set(key, { first: e.quarter, last: e.quarter, count: 1, amount: e.amount, e });
  }
  return [...groups.values()]
    .sort((a, b) => a.first.localeCompare(b.first))
    .map((g) => [
      g.first === g.last ? g.first : `${g.first}–${g.last}`,
      g.e.type,
      g.amount > 0 ? money(g.amount) : "",
      `${g.e.message}${g.count > 1 ? ` (${g.count}×)` : ""}`,
    ]);
}

/**
 * The report as text.
 *
 * @example renderRunReport(simulatePoint(scenario, model))
 */
export function renderRunReport(result: RunResult, outputs: readonly OutputInfo[] = []): string {
  const years = yearsOf(result.quarters).map(String);
  const parts: string[] = [];
  parts.push(
    `${result.scenario}: ${result.quarters[0]} to ${result.quarters.at(-1)}, point run (every uncertain value at its median)\n`,
  );
  parts.push(
    headlines(result)
      .map((l) => `• ${l}`)
      .join("\n"),
  );
  const origins = traceHeadlines(result, traceRun(result));
  if (origins.length > 0)
    parts.push(
      `\nWhere the money comes from (perpetuum trace has the detail)\n${origins.map((l) => `• ${l}`).join("\n")}`,
    );
  for (const [id, e] of Object.entries(result.entities)) {
    const rows = [
      ["revenue", ...yearlySum(result.quarters, e.series.revenue).map(money)],
      ["net income", ...yearlySum(result.quarters, e.series.netIncome).map(money)],
      ["capex", ...yearlySum(result.quarters, e.series.capex).map(money)],
      [
        "cash from operations",
        ...yearlySum(result.quarters, e.series.operatingCashFlow).map(money),
      ],
      ["outside equity", ...outsideMoney(result, id, ["investors"]).map(money)],
      ["outside debt", ...outsideMoney(result, id, ["lenders"]).map(money)],
      ["closing cash", ...yearEnd(result.quarters, e.series.cash).map(money)],
      ["debt", ...yearEnd(result.quarters, e.series.debt).map(money)],
    ];
    parts.push(
      `\n${e.name}${e.defaultedAt ? ` (defaulted ${e.defaultedAt})` : ""}\n${renderTable(["", ...years], rows)}`,
    );
  }
  const loop = new Map<string, number[]>();
  for (const f of result.flows) {
    if (OUTSIDE.has(f.from) || OUTSIDE.has(f.to)) continue;
    const key = `${f.from} → ${f.to}|${f.contract}`;
    const row = loop.get(key) ?? years.map(() => 0);
    const y = years.indexOf(f.quarter.slice(0, 4));
    row[y] = (row[y] as number) + f.amount;
    loop.set(key, row);
  }
  if (loop.size > 0) {
    const rows = [...loop.entries()].map(([key, amounts]) => [
      ...key.split("|"),
      ...amounts.map((x) => (x === 0 ? "–" : money(x))),
    ]);
    parts.push(
      `\nMoney round the loop, per year\n${renderTable(["who pays whom", "contract", ...years], rows)}`,
    );
  }
  if (result.events.length > 0)
    parts.push(
      `\nEvents\n${renderTable(["when", "what", "amount", ""], groupEvents(result.events), ["left", "left", "right", "left"])}`,
    );
  if (outputs.length > 0) {
    const rows = outputs.map((o) => {
      const value = result.outputs[o.name] as number;
      return [o.name, o.boolean ? (value ? "yes" : "no") : formatQuantity(value, o.unit), o.text];
    });
    parts.push(
      `\nOutputs (every input at its median)\n${renderTable(["output", "value", "formula"], rows)}`,
    );
  }
  parts.push(
    `\nMoney conserved every quarter (largest error ${money(result.checks.conservation.maxAbsError)}).`,
  );
  return `${parts.join("\n")}\n`;
}

/** The result as a long CSV table: quarter, entity, metric, value (stakes as `stake:<id>`). */
export function runCsv(result: RunResult): string {
  const lines = ["quarter,entity,metric,value"];
  for (const [id, e] of Object.entries(result.entities)) {
    for (const [metric, values] of Object.entries(e.series)) {
      values.forEach((v, i) => {
        lines.push(`${result.quarters[i]},${id},${metric},${v}`);
      });
    }
    for (const [investee, values] of Object.entries(e.stakes)) {
      values.forEach((v, i) => {
        lines.push(`${result.quarters[i]},${id},stake:${investee},${v}`);
      });
    }
  }
  return `${lines.join("\n")}\n`;
}
