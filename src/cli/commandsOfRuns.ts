// The commands that simulate a scenario and show the outcome: run in the terminal, report as
// an HTML file, serve as the live dashboard in the browser.

import { type Command, Option } from "@commander-js/extra-typings";
import {
  DEFAULT_PORT,
  DEFAULT_REPORT_FILE,
  DEFAULT_REPORT_SAMPLES,
  DEFAULT_SCENARIO,
  DEFAULT_SEED,
} from "../defaults.js";
import { formatOption } from "./formatOption.js";
import type { Io } from "./io.js";
import { repeatable } from "./repeatableOption.js";

/** Adds `run`, `report` and `serve` to the program; their actions write to `io`. */
export function addCommandsOfRuns(cli: Command, io: Io): void {
  cli
    .command("run")
    .description(
      `Simulate a scenario quarter by quarter (default: the built-in "${DEFAULT_SCENARIO}")`,
    )
    .argument("[scenario]", "scenario file (YAML) or built-in scenario name", DEFAULT_SCENARIO)
    .addOption(formatOption("json", "csv"))
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
      "worker threads of a Monte Carlo (default: every core from 20,000 samples, else 1, with a second thread for the summaries from 5,000); the result is the same for any k",
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
}
