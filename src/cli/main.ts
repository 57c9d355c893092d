// The perpetuum command line: verbs, flags and help, wired to the engine. The only place (with
// its siblings in src/cli) that touches the file system, the terminal and process state.

import { Command, CommanderError, Option } from "@commander-js/extra-typings";
import {
  DEFAULT_PORT,
  DEFAULT_REPORT_FILE,
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_RESERVE,
  DEFAULT_RESERVE_YEARS,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
} from "../defaults.js";
import { type Io, processIo, UsageError } from "./io.js";

/** The scenario `run` uses when none is named. */
export const DEFAULT_SCENARIO = "ono";

function program(io: Io): Command {
  const cli = new Command()
    .name("perpetuum")
    .description("Simulate and stress-test the circular financing of the AI-compute economy.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(run with --help for usage)");

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
      .addOption(
        new Option("-f, --format <format>", "output format")
          .choices(["table", "json", "csv"])
          .default("table"),
      )
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

  cli
    .command("run")
    .description(
      `Simulate a scenario quarter by quarter (default: the built-in "${DEFAULT_SCENARIO}")`,
    )
    .argument("[scenario]", "scenario file (YAML) or built-in scenario name", DEFAULT_SCENARIO)
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json", "csv"])
        .default("table"),
    )
    .option("-n, --samples <n>", "run a Monte Carlo of n samples instead of the point run")
    .addOption(
      new Option("-s, --seed <seed>", "random seed of the Monte Carlo").default(
        String(DEFAULT_SEED),
      ),
    )
    .option(
      "-o, --out <dir>",
      "write summary.json, series.csv, series-years.csv and samples.parquet of a Monte Carlo into dir",
    )
    .option(
      "--report <file>",
      "also write the HTML report of this Monte Carlo run (as perpetuum report does) to file",
    )
    .option(
      "--keep-trajectories",
      "with --out: also write trajectories.parquet, every sample's series in every quarter (memory grows with samples × quarters)",
    )
    .option(
      "-t, --threads <k>",
      "worker threads of a Monte Carlo (default: every core from 20,000 samples, else 1); the result is the same for any k",
    )
    .addHelpText(
      "after",
      "\nWithout --samples, the point run: every uncertain value at its median.\n\nExamples:\n  perpetuum run\n  perpetuum run examples/ring.yaml\n  perpetuum run ono --format json > ono.json\n  perpetuum run ono --format csv > ono.csv\n  perpetuum run ono --samples 1000 --seed 7\n  perpetuum run ono --samples 1e5 --threads 2\n  perpetuum run ono --samples 10000 --out results\n  perpetuum run ono --samples 10000 --report report.html",
    )
    .action(async (file, flags) => (await import("./commands/run.js")).runCommand(file, flags, io));

  cli
    .command("report")
    .description(
      "Write a self-contained HTML report: the loop, money origins, fan charts, events, distributions, tornado, gap, assumptions",
    )
    .argument("[scenario]", "scenario file (YAML) or built-in scenario name", DEFAULT_SCENARIO)
    .option(
      "-n, --samples <n>",
      `samples of the Monte Carlo behind the charts (default ${DEFAULT_REPORT_SAMPLES.toLocaleString("en-US")})`,
    )
    .addOption(
      new Option("-s, --seed <seed>", "random seed of the Monte Carlo").default(
        String(DEFAULT_SEED),
      ),
    )
    .option(
      "-t, --threads <k>",
      "worker threads of the Monte Carlo; the report is the same for any k",
    )
    .option("-o, --out <file>", `the HTML file to write (default ${DEFAULT_REPORT_FILE})`)
    .option(
      "-r, --reserve <reserve>",
      "also value a GPU reserve beside gold (a built-in name or file)",
    )
    .addOption(
      repeatable(
        "--shock <shock>",
        "also run under this shock, beside the baseline (repeatable); see docs/stress.md",
      ),
    )
    .addHelpText(
      "after",
      '\nThe file needs no network and no script to read; open it in any browser or mail it. What each section shows: docs/report.md.\n\nExamples:\n  perpetuum report\n  perpetuum report ono --samples 2000 --out ono.html\n  perpetuum report ono --reserve reserve-h100\n  perpetuum report ono --shock "funding(openai) = 0 from 2026Q3"',
    )
    .action(async (file, flags) =>
      (await import("./commands/report.js")).reportCommand(file, flags, io),
    );

  cli
    .command("serve")
    .description(
      "Start the live dashboard: sliders, editor and charts in the browser, engine in a Web Worker",
    )
    .argument("[scenario]", "scenario file (YAML) or built-in scenario name to open first")
    .option("-p, --port <port>", `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option(
      "--host <address>",
      "address to listen on (default 127.0.0.1, this machine only; anything else exposes the app to the network)",
    )
    .addHelpText(
      "after",
      "\nOpen the printed address in a browser; Ctrl+C stops the server. See docs/serve.md.\n\nExamples:\n  perpetuum serve\n  perpetuum serve my-scenario.yaml --port 8080",
    )
    .action(async (file, flags) => {
      await (await import("./commands/serve.js")).serveCommand(file, flags, io);
    });

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
      "worker threads (default: every core from 20,000 samples for an output, from 4e6 for an assumption, else 1); the result is the same for any k",
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
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

  cli
    .command("scenarios")
    .description("List the built-in scenarios")
    .addHelpText("after", "\nExample:\n  perpetuum scenarios")
    .action(async () => (await import("./commands/scenarios.js")).scenariosCommand(io));

  cli
    .command("schema")
    .description("Print the JSON Schema of scenario files (for editor completion)")
    .addHelpText("after", "\nExample:\n  perpetuum schema > perpetuum.schema.json")
    .action(async () => (await import("./commands/schema.js")).schemaCommand(io));

  return cli;
}

/** An option that may be given many times; its value is every occurrence, in order. */
function repeatable<Usage extends string>(flags: Usage, description: string) {
  return new Option(flags, description)
    .argParser((value: string, previous: string[] = []) => [...previous, value])
    .default([] as string[]);
}

/**
 * Runs the CLI on `argv` (as in process.argv: node, script, then arguments) and returns the exit
 * code: 0 on success, 1 on a user mistake (with a message, never a stack trace).
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    await program(io).parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UsageError) {
      io.err(`perpetuum: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
