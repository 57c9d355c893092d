// The commands on a scenario's assumptions, before any simulation: check says what each one
// means, sample draws them all and summarises the draws.

import { type Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "../defaults.js";
import { formatOption } from "./formatOption.js";
import type { Io } from "./io.js";

/** Adds `check` and `sample` to the program; their actions write to `io`. */
export function addCommandsOfAssumptions(cli: Command, io: Io): void {
  cli
    .command("check")
    .description("Check a scenario file and say what each assumption means")
    .argument("<file>", "scenario file (YAML) or built-in scenario name")
    .addHelpText("after", "\nExamples:\n  perpetuum check examples/m1.yaml\n  perpetuum check ono")
    .action(async (file) => (await import("./commands/check.js")).checkCommand(file, io));

  // biome-ignore lint/complexity/noBannedTypes: commander's type for "no options yet"
  const withSampleFlags = (cmd: Command<[string], {}>) =>
    cmd
      .addOption(
        new Option("-n, --samples <n>", "number of samples").default(String(DEFAULT_SAMPLES)),
      )
      .addOption(
        new Option("-s, --seed <seed>", "random seed (same seed, same numbers)").default(
          String(DEFAULT_SEED),
        ),
      )
      .addOption(formatOption("json", "csv"))
      .option(
        "-e, --export <path>",
        "write every sample to a .csv or .parquet file (one row per sample)",
      )
      .option(
        "-t, --threads <k>",
        "worker threads (default: every core from 4e6 samples, else 1); the result is the same for any k",
      );

  withSampleFlags(
    cli
      .command("sample")
      .description("Draw every assumption and print mean, sd and quantiles per assumption")
      .argument("<file>", "scenario file (YAML) or built-in scenario name"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  perpetuum sample examples/m1.yaml\n  perpetuum sample examples/m1.yaml --samples 1e6 --seed 7\n  perpetuum sample examples/m1.yaml --format json\n  perpetuum sample examples/m1.yaml --export samples.csv\n  perpetuum sample examples/m1.yaml --samples 1e6 --threads 2",
    )
    .action(async (file, flags) =>
      (await import("./commands/sample.js")).sampleCommand(file, flags, io),
    );
}
