// The commands that explain a scenario's outcome: sensitivity ranks the inputs behind an
// assumption, stress compares runs without and with shocks, trace follows the money round the loop.

import { type Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_SAMPLES, DEFAULT_SCENARIO, DEFAULT_SEED } from "../defaults.js";
import { formatOption } from "./formatOption.js";
import type { Io } from "./io.js";
import { repeatable } from "./repeatableOption.js";

/** Adds `sensitivity`, `stress` and `trace` to the program; their actions write to `io`. */
export function addCommandsOfAnalysis(cli: Command, io: Io): void {
  cli
    .command("sensitivity")
    .description(
      "Rank the uncertain inputs of an assumption by Spearman's rho and a tornado of swings",
    )
    .argument("<file>", "scenario file (YAML) or built-in scenario name")
    .argument("<output>", "the assumption to explain")
    .addOption(
      new Option("-n, --samples <n>", "samples for the rank correlations").default(
        String(DEFAULT_SAMPLES),
      ),
    )
    .addOption(new Option("-s, --seed <seed>", "random seed").default(String(DEFAULT_SEED)))
    .option(
      "-t, --threads <k>",
      "worker threads (default: every core from 20,000 samples for an output, from 4e6 for an assumption, else 1, with a second thread for an output's summaries from 5,000); the result is the same for any k",
    )
    .addOption(formatOption("json"))
    .addHelpText(
      "after",
      "\nThe tornado sets one input at its 10th and then 90th percentile, every other at its median.\n\nExamples:\n  perpetuum sensitivity examples/m1.yaml profit\n  perpetuum sensitivity ono openai_revenue_2025 --format json\n  perpetuum sensitivity ono openai_profitable_2029 --samples 1e5 --threads 2",
    )
    .action(async (file, output, flags) =>
      (await import("./commands/sensitivity.js")).sensitivityCommand(file, output, flags, io),
    );

  cli
    .command("stress")
    .description(
      "Run a scenario without and with shocks, side by side: who defaults and when, what is lost",
    )
    .argument("<scenario>", "scenario file (YAML) or built-in scenario name")
    .addOption(repeatable("--shock <shock>", "a shock (repeatable); see docs/stress.md"))
    .option("-n, --samples <n>", "compare the odds over n paired samples instead of the point run")
    .addOption(
      new Option("-s, --seed <seed>", "random seed of the Monte Carlo").default(
        String(DEFAULT_SEED),
      ),
    )
    .option("-t, --threads <k>", "worker threads of a Monte Carlo")
    .addOption(formatOption("json"))
    .addHelpText(
      "after",
      `\nShocks:\n  NAME = VALUE [from QUARTER]          paying_share = 2% from 2026Q1\n  NAME * FACTOR [from QUARTER]         paying_share * 0.5 from 2026Q1\n  funding(COMPANY) = 0 [from QUARTER]  outside investors and lenders stop\n  appetite(investors|lenders) * F      every company's outside equity or debt\n  default(COMPANY) at QUARTER          it pays nothing from then on\n  delay(capacity(ID|COMPANY), Nq)      capacity comes online N quarters late\n\nExamples:\n  perpetuum stress ono --shock "funding(openai) = 0 from 2026Q3"\n  perpetuum stress ono --shock "default(oracle) at 2027Q2" --format json\n  perpetuum stress ono --shock "appetite(investors) * 0.3 from 2026Q4" --samples 2000`,
    )
    .action(async (file, flags) =>
      (await import("./commands/stress.js")).stressCommand(
        file,
        { ...flags, format: flags.format as "table" | "json" },
        io,
      ),
    );

  cli
    .command("trace")
    .description(
      "Trace the money round the loop: the cycles of payments and where each company's revenue and spending come from",
    )
    .argument("[scenario]", "scenario file (YAML) or built-in scenario name", DEFAULT_SCENARIO)
    .addOption(formatOption("json"))
    .addHelpText(
      "after",
      "\nTraces the point run (every uncertain value at its median) payment by payment; see docs/trace.md.\n\nExamples:\n  perpetuum trace\n  perpetuum trace ono --format json > trace.json\n  perpetuum trace examples/ring.yaml",
    )
    .action(async (file, flags) =>
      (await import("./commands/trace.js")).traceCommand(
        file,
        { format: flags.format as "table" | "json" },
        io,
      ),
    );
}
