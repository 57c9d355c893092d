// The revenue gap of the point run, year by year, by the three methods analysts quote (Sequoia,
// Bain, depreciation): a chart of revenue required against end-customer revenue, and a table.

import { lineChart } from "../../charts/index.js";
import type { ScenarioGapYear } from "../../gap/scenarioGap.js";
import { figure, htmlTable, paragraph } from "./markup.js";
import { money, nameOf, share } from "./reportFormat.js";
import type { ReportData } from "./reportTypes.js";
import type { ReportSection } from "./section.js";

/** The table's rows: label and value. */
const ROWS: ReadonlyArray<readonly [string, (y: ScenarioGapYear) => number]> = [
  ["capex", (y) => y.capex],
  ["depreciation", (y) => y.depreciation],
  ["end-customer revenue", (y) => y.endCustomerRevenue],
  ["Sequoia: required", (y) => y.sequoia.required],
  ["Sequoia: gap", (y) => y.sequoia.gap],
  ["Bain: required", (y) => y.bain.required],
  ["Bain: gap", (y) => y.bain.gap],
  ["depreciation: required", (y) => y.depreciationMethod.required],
  ["depreciation: gap", (y) => y.depreciationMethod.gap],
];

/** The gap section. */
export function gapSection(data: ReportData): ReportSection {
  const { shares, years, revenueOf } = data.gap;
  const labels = years.map((y) => String(y.year));
  const svg = lineChart({
    title: "Revenue required against end-customer revenue, per year",
    unit: "money",
    labels,
    series: [
      { name: "end-customer revenue", values: years.map((y) => y.endCustomerRevenue) },
      { name: "Sequoia: required", values: years.map((y) => y.sequoia.required) },
      { name: "Bain: required", values: years.map((y) => y.bain.required) },
      { name: "depreciation: required", values: years.map((y) => y.depreciationMethod.required) },
    ],
  });
  const rows = ROWS.map(([label, f]) => [label, ...years.map((y) => money(f(y)))]);
  const methods = `Sequoia: capex ÷ (1 − margin ${share(shares.margin)}); Bain: capex ÷ ${share(shares.capexToRevenue)}; depreciation: depreciation ÷ margin ${share(shares.margin)}; each gap is the revenue required less what end customers paid ${revenueOf.map((id) => nameOf(data, id)).join(", ")}.`;
  return {
    id: "gap",
    title: "The revenue gap",
    html: `${paragraph(`The three gap methods on the point run's own capex and depreciation (summed over the loop's companies). ${methods}`)}${figure(svg, "Revenue required by each method and end-customer revenue, dollars per year (point run).")}${htmlTable(
      ["", ...labels],
      rows,
      labels.map((_, k) => k + 1),
    )}`,
  };
}
