// `perpetuum gap SCENARIO`: the three gap methods on a simulation's own capex, depreciation and
// AI revenue per year, from the point run or, with --samples, as bands over a Monte Carlo run.

import { DEFAULT_SEED } from "../../defaults.js";
import { type GapQuantity, gapBands, gapOutputs } from "../../gap/gapOutputs.js";
import {
  aiRevenueEntities,
  DEFAULT_GAP_SHARES,
  type ScenarioGapShares,
  type ScenarioGapYear,
  scenarioGap,
} from "../../gap/scenarioGap.js";
import { compileOutputs } from "../../outputs/compileOutputs.js";
import { renderTable } from "../../report/table.js";
import { quarterLabel } from "../../scenario/quarter.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { monteCarloJob } from "../../sim/monteCarloJob.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { type LoadedFile, loadChecked } from "../loadChecked.js";
import { monteCarloWithProgress } from "../monteCarloWithProgress.js";
import { parseInteger, simulationThreads } from "../parseCount.js";
import type { GapFlags } from "./gap.js";
import { readParams } from "./gapParams.js";

const money = (x: number): string => formatQuantity(x, MONEY);

/** `gap SCENARIO`: the three methods on the point run's own capex and end-customer revenue. */
export async function scenarioGapCommand(target: string, flags: GapFlags, io: Io): Promise<void> {
  if (flags.method !== undefined)
    throw new UsageError(`--method: ${target} is a simulation scenario; all three methods apply`);
  const shares = { ...DEFAULT_GAP_SHARES };
  for (const [method, name] of [
    ["sequoia", "margin"],
    ["bain", "capexToRevenue"],
  ] as const) {
    const given = flags.param.filter((p) => p.startsWith(`${name}=`));
    if (given.length > 0) shares[name] = readParams(method, given)[name]?.value ?? shares[name];
  }
  const unknown = flags.param.filter((p) => !/^(margin|capexToRevenue)=/.test(p));
  if (unknown.length > 0)
    throw new UsageError(
      `--param ${unknown[0]}: a simulation's gaps take margin=… and capexToRevenue=… only`,
    );
  const loaded = loadChecked(target, io);
  if (flags.samples !== undefined) {
    await scenarioGapBands(loaded, shares, flags, io);
    return;
  }
  const { scenario, model } = loaded;
  const years = scenarioGap(
    simulatePoint(scenario, model),
    shares,
    aiRevenueEntities(scenario.system),
  );
  if (flags.format === "json") {
    io.out(`${JSON.stringify({ scenario: scenario.name, shares, years }, null, 2)}\n`);
    return;
  }
  const row = (label: string, f: (y: ScenarioGapYear) => number) => [
    label,
    ...years.map((y) => money(f(y))),
  ];
  const rows = GAP_ROWS.map(([label, q]) => row(label, (y) => quantityOf(y, q)));
  io.out(
    `${scenario.name}: the revenue gap of the point run (every uncertain value at its median), per year\n` +
      `${methodsLine(shares)}\n\n` +
      `${renderTable(["", ...years.map((y) => String(y.year))], rows)}\n`,
  );
}

/** The table's rows: label and quantity. */
const GAP_ROWS: readonly (readonly [string, GapQuantity])[] = [
  ["capex", "capex"],
  ["depreciation", "depreciation"],
  ["end-customer revenue", "endCustomerRevenue"],
  ["Sequoia: required", "sequoia_required"],
  ["  gap", "sequoia_gap"],
  ["Bain: required", "bain_required"],
  ["  gap", "bain_gap"],
  ["depreciation: required", "depreciation_required"],
  ["  gap", "depreciation_gap"],
];

/** A year's value of a quantity, in a point run's year or in a year of bands. */
function quantityOf<T>(
  y: {
    readonly capex: T;
    readonly depreciation: T;
    readonly endCustomerRevenue: T;
    readonly sequoia: { readonly required: T; readonly gap: T };
    readonly bain: { readonly required: T; readonly gap: T };
    readonly depreciationMethod: { readonly required: T; readonly gap: T };
  },
  q: GapQuantity,
): T {
  switch (q) {
    case "capex":
    case "depreciation":
    case "endCustomerRevenue":
      return y[q];
    case "sequoia_required":
      return y.sequoia.required;
    case "sequoia_gap":
      return y.sequoia.gap;
    case "bain_required":
      return y.bain.required;
    case "bain_gap":
      return y.bain.gap;
    case "depreciation_required":
      return y.depreciationMethod.required;
    case "depreciation_gap":
      return y.depreciationMethod.gap;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** How the three methods are applied, in one line. */
function methodsLine(shares: ScenarioGapShares): string {
  return `Sequoia: capex ÷ (1 − margin ${pct(shares.margin)}); Bain: capex ÷ ${pct(shares.capexToRevenue)}; depreciation: depreciation ÷ margin ${pct(shares.margin)}; each less what end customers paid the AI labs.`;
}

/** `gap SCENARIO --samples N`: each year's figures summed per sample, then their bands. */
async function scenarioGapBands(
  loaded: LoadedFile,
  shares: ScenarioGapShares,
  flags: GapFlags,
  io: Io,
): Promise<void> {
  const { scenario, model, correlation, path, text } = loaded;
  const samples = parseInteger("--samples", flags.samples ?? "", 1);
  const seed = parseInteger("--seed", flags.seed ?? String(DEFAULT_SEED), 0);
  const threads = simulationThreads(flags.threads, samples);
  const years = [
    ...new Set(
      Array.from({ length: scenario.quarters }, (_, q) =>
        Number(quarterLabel(scenario.start + q).slice(0, 4)),
      ),
    ),
  ];
  const sources = gapOutputs(
    scenario.system.entities.map((e) => e.id),
    aiRevenueEntities(scenario.system),
    years,
    shares,
  );
  const outputs = compileOutputs({ ...scenario, outputs: sources }, model);
  if (!outputs.ok) throw new Error(outputs.diagnostics.map((d) => d.message).join("; "));
  const system = compileSystem(scenario, model);
  const job = monteCarloJob(scenario, model, system, {
    samples,
    seed,
    correlation,
    outputs: outputs.value,
  });
  const mc = await monteCarloWithProgress(job, threads, flags.samples ?? "", { path, text }, io);
  const bands = gapBands(years, mc.result.outputs);
  if (flags.format === "json") {
    io.out(
      `${JSON.stringify({ scenario: scenario.name, samples, seed, shares, years: bands }, null, 2)}\n`,
    );
    return;
  }
  const rows = GAP_ROWS.flatMap(([label, q]) => [
    [label, ...bands.map((y) => money(quantityOf(y, q).p50))],
    ["", ...bands.map((y) => `${money(quantityOf(y, q).p5)} – ${money(quantityOf(y, q).p95)}`)],
  ]);
  io.out(
    `${scenario.name}: the revenue gap per year over ${samples.toLocaleString("en-US")} samples (seed ${seed}): median, then the 90% band (p5 – p95); each figure is summed over the loop's companies in every sample before its quantiles are taken\n` +
      `${methodsLine(shares)}\n\n` +
      `${renderTable(["", ...years.map(String)], rows)}\n`,
  );
}
