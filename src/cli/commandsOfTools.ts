// The calculators beside the scenario simulation: convert (hardware arithmetic), clear (a
// financial network given as JSON), gap (the analysts' revenue gap) and reserve (a GPU reserve
// against gold).

import { type Command, Option } from "@commander-js/extra-typings";
import {
  DEFAULT_RESERVE,
  DEFAULT_RESERVE_YEARS,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
} from "../defaults.js";
import { formatOption } from "./formatOption.js";
import type { Io } from "./io.js";
import { repeatable } from "./repeatableOption.js";

/** Adds `convert`, `clear`, `gap` and `reserve` to the program; their actions write to `io`. */
export function addCommandsOfTools(cli: Command, io: Io): void {
  cli
    .command("convert")
    .description(
      "Hardware arithmetic: power ↔ GPUs, capex of a power, cost of a GPU-hour, failure rates, the chip table",
    )
    .argument("[value]", "a power (10GW) or a number of GPUs (100000)")
    .option("--to <what>", "convert into: gpus or capex (from a power), power (from GPUs)")
    .option("--chip <name>", "chip from the table (perpetuum convert --chips)", "H100")
    .option(
      "--watts-per-gpu <power>",
      "all-in facility power per GPU instead of TDP × overhead × PUE (2.5kW)",
    )
    .option("--overhead <x>", "server watts per watt of GPU TDP (default 1.82, Epoch AI)")
    .option("--pue <x>", "power usage effectiveness (default 1.12, Epoch AI)")
    .option("--capex-per-gw <money>", "capex per GW with --to capex (default $50B)")
    .option("--supplier-per-gw <money>", "the chip supplier's content per GW (default $35B)")
    .option("--gpu-hour", "cost of a GPU-hour (with --price, --life, --power-price)")
    .option("--price <money>", "price of one GPU ($30000)")
    .option("--life <years>", "useful life in years (depreciation rate = 1 ÷ life)")
    .option(
      "--networking <fraction>",
      "networking capex as a fraction of the GPU price (default 0)",
    )
    .option("--utilisation <fraction>", "average fraction of full power drawn (default 1)")
    .option("--power-price <dollars>", "electricity, dollars per kWh (0.08)")
    .option(
      "--failures",
      "failure rates from a cluster's record (with --gpus, --days, --interruptions)",
    )
    .option("--gpus <n>", "GPUs in the cluster")
    .option("--days <n>", "days of the record")
    .option("--interruptions <n>", "unexpected interruptions in the record")
    .option("--chips", "print the chip table with sources")
    .addOption(formatOption("json"))
    .addHelpText(
      "after",
      "\nEvery formula and source: docs/hardware.md.\n\nExamples:\n  perpetuum convert 10GW --to gpus --watts-per-gpu 2.5kW\n  perpetuum convert 100000 --chip H100 --to power --overhead 1.82 --pue 1.12\n  perpetuum convert 10GW --to capex\n  perpetuum convert --gpu-hour --chip H100 --price '$30000' --life 4 --power-price 0.08\n  perpetuum convert --failures --gpus 16384 --days 54 --interruptions 419\n  perpetuum convert --chips",
    )
    .action(async (value, flags) =>
      (await import("./commands/convert.js")).convertCommand(
        value,
        { ...flags, format: flags.format as "table" | "json" },
        io,
      ),
    );

  cli
    .command("clear")
    .description(
      "Clear a financial network given as JSON (eisenberg-noe, rogers-veraart, debtrank, furfine, egj, cross-ownership) and print the result as JSON",
    )
    .argument("<file>", "the request (JSON; - reads standard input)")
    .addHelpText(
      "after",
      '\nThe request names its method and network, e.g.\n  {"method": "eisenberg-noe", "n": 2, "liabilities": [[0, 1, 10]], "externalAssets": [4, 0]}\nEvery method\'s fields: docs/network.md.\n\nExamples:\n  perpetuum clear examples/network/eisenberg-noe.json\n  perpetuum clear - < network.json > cleared.json',
    )
    .action(async (file) => (await import("./commands/clear.js")).clearCommand(file, io));

  cli
    .command("gap")
    .description(
      "The revenue gap analysts quote (Sequoia, Bain, depreciation), step by step with units and sources",
    )
    .argument(
      "[name]",
      "built-in gap calculation (sequoia-2023, sequoia-2024, bain-2030) or gap file",
    )
    .option("-m, --method <method>", "sequoia, bain or depreciation, with --param for every input")
    .addOption(repeatable("-p, --param <name=value>", "an input, e.g. margin=50% (repeatable)"))
    .addOption(formatOption("json"))
    .option("-n, --samples <n>", "for a simulation scenario: bands over a Monte Carlo run")
    .option("-s, --seed <seed>", "seed of the Monte Carlo run", String(DEFAULT_SEED))
    .option("-t, --threads <k>", "worker threads (default: every core for large runs)")
    .addHelpText(
      "after",
      "\nThe methods, their parameters and the JSON fields: docs/gap.md.\n\nExamples:\n  perpetuum gap sequoia-2024\n  perpetuum gap bain-2030 --format json\n  perpetuum gap sequoia-2024 --param aiRevenue=$200B\n  perpetuum gap ono --samples 2000\n  perpetuum gap --method depreciation --param capex=$500B --param usefulLife=5 --param margin=50% --param revenueInSight=$100B",
    )
    .action(async (name, flags) => (await import("./commands/gap.js")).gapCommand(name, flags, io));

  cli
    .command("reserve")
    .description(
      "Value a GPU reserve quarter by quarter beside the same money in gold: bands, crossover, P(GPU beats gold), half-life",
    )
    .argument("[file]", "reserve file (YAML) or built-in reserve name", DEFAULT_RESERVE)
    .addOption(
      new Option("-n, --samples <n>", "Monte Carlo samples").default(String(DEFAULT_SAMPLES)),
    )
    .addOption(new Option("-s, --seed <seed>", "random seed").default(String(DEFAULT_SEED)))
    .addOption(
      new Option("-y, --years <years>", "years to value").default(String(DEFAULT_RESERVE_YEARS)),
    )
    .addOption(formatOption("json"))
    .addOption(
      repeatable(
        "-p, --param <name=value>",
        "a parameter replacing the file's, in the scenario language, e.g. price='$25k to $35k' (repeatable)",
      ),
    )
    .option("-b, --bought <quarter>", "the purchase quarter, replacing the file's, e.g. 2026Q1")
    .addHelpText(
      "after",
      "\nThe model, its parameters and the JSON fields: docs/reserve.md.\n\nExamples:\n  perpetuum reserve\n  perpetuum reserve reserve-h100 --samples 100000 --seed 7\n  perpetuum reserve my-reserve.yaml --years 5 --format json\n  perpetuum reserve --param budget=$1B --param utilization=0% --bought 2026Q2",
    )
    .action(async (file, flags) =>
      (await import("./commands/reserve.js")).reserveCommand(file, flags, io),
    );
}
