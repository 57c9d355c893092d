// `perpetuum stress SCENARIO --shock "…"`: runs the scenario without and with the shocks and
// shows what they cost, as a point run or, with --samples, as probabilities over paired samples.

import { renderMonteCarloStress, renderPointStress } from "../../report/stressReport.js";
import { traceHeadlines } from "../../report/traceReport.js";
import { compileSystem } from "../../sim/compiledSystem.js";
import { type MonteCarloJob, monteCarloJob } from "../../sim/monteCarloJob.js";
import type { MonteCarloResult } from "../../sim/monteCarloSummary.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { applyShocks } from "../../stress/applyShocks.js";
import { compareMonteCarlo, comparePointRuns } from "../../stress/compareRuns.js";
import { traceRun } from "../../trace/traceRun.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";
import { monteCarloPool, runMonteCarloParallel, runThreads } from "../parallelMonteCarlo.js";
import { parseInteger, simulationThreads } from "../parseCount.js";
import { runPipelined } from "../pipelinedMonteCarlo.js";
import { readShocks } from "../readShocks.js";
import { refuseOversizedRun } from "../refuseOversizedRun.js";

/** Flags of `stress`. */
export interface StressFlags {
  /** --shock, repeatable. */
  readonly shock: readonly string[];
  /** --samples: a Monte Carlo of that many samples instead of the point run. */
  readonly samples?: string;
  /** --seed. */
  readonly seed: string;
  /** --threads. */
  readonly threads?: string;
  /** --format. */
  readonly format: "table" | "json";
}

/** Runs `stress`. */
export async function stressCommand(file: string, flags: StressFlags, io: Io): Promise<void> {
  const checked = loadChecked(file, io);
  if (flags.shock.length === 0)
    throw new UsageError(
      'give at least one --shock, e.g. --shock "funding(openai) = 0 from 2026Q3"',
    );
  const shocks = readShocks(flags.shock, checked, io);
  const { scenario, model, outputs, correlation } = checked;
  const system = compileSystem(scenario, model);
  const shocked = applyShocks(model, system, correlation, shocks);
  const texts = shocks.map((s) => s.text);
  if (flags.samples === undefined) {
    const baseline = simulatePoint(scenario, model, system, { outputs });
    const after = simulatePoint(scenario, shocked.model, shocked.system, { outputs });
    const stress = comparePointRuns(baseline, after);
    io.out(
      flags.format === "json"
        ? `${JSON.stringify({ scenario: scenario.name, shocks: texts, baseline, shocked: after, stress }, null, 2)}\n`
        : renderPointStress(scenario.name, texts, stress, {
            baseline: traceHeadlines(baseline, traceRun(baseline)),
            shocked: traceHeadlines(after, traceRun(after)),
          }),
    );
    return;
  }
  const samples = parseInteger("--samples", flags.samples, 1);
  const seed = parseInteger("--seed", flags.seed, 0);
  const plan = simulationThreads(flags.threads, samples);
  const base = monteCarloJob(scenario, model, system, { samples, seed, correlation, outputs });
  const shockedJob = monteCarloJob(scenario, shocked.model, shocked.system, {
    samples,
    seed,
    correlation: shocked.correlation,
    outputs,
  });
  refuseOversizedRun(base, flags.samples);
  refuseOversizedRun(shockedJob, flags.samples);
  // Both runs on the same workers: the second finds them started and their code compiled.
  const k = runThreads(samples, plan.threads);
  const pool = k > 1 ? monteCarloPool(k) : undefined;
  const run = async (job: MonteCarloJob): Promise<MonteCarloResult> => {
    const mc = plan.summaryHelper
      ? await runPipelined(job)
      : await runMonteCarloParallel(job, k, undefined, pool);
    if (!mc.ok)
      throw new UsageError(
        `${file}: some samples have no finite value; run it with perpetuum run --samples to see where`,
      );
    return mc.value.result;
  };
  let baseline: MonteCarloResult;
  let after: MonteCarloResult;
  try {
    baseline = await run(base);
    after = await run(shockedJob);
  } finally {
    await pool?.destroy();
  }
  const names = Object.fromEntries(system.entities.map((e) => [e.id, e.name]));
  const odds = compareMonteCarlo(baseline, after, names);
  io.out(
    flags.format === "json"
      ? `${JSON.stringify({ scenario: scenario.name, shocks: texts, samples, seed, baseline, shocked: after, stress: odds }, null, 2)}\n`
      : renderMonteCarloStress(scenario.name, texts, samples, odds),
  );
}
