// The perpetuum command line: verbs, flags and help, wired to the engine. The only place (with
// its siblings in src/cli) that touches the file system, the terminal and process state. This
// file assembles the program from the groups of commands declared beside it and runs it.

import { Command, CommanderError } from "@commander-js/extra-typings";
import { addCommandsOfAnalysis } from "./commandsOfAnalysis.js";
import { addCommandsOfAssumptions } from "./commandsOfAssumptions.js";
import { addCommandsOfReference } from "./commandsOfReference.js";
import { addCommandsOfRuns } from "./commandsOfRuns.js";
import { addCommandsOfTools } from "./commandsOfTools.js";
import { type Io, processIo, UsageError } from "./io.js";

/** The whole program, its commands in the order `--help` lists them. */
function program(io: Io): Command {
  const cli = new Command()
    .name("perpetuum")
    .description("Simulate and stress-test the circular financing of the AI-compute economy.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(run with --help for usage)");
  addCommandsOfAssumptions(cli, io);
  addCommandsOfRuns(cli, io);
  addCommandsOfAnalysis(cli, io);
  addCommandsOfTools(cli, io);
  addCommandsOfReference(cli, io);
  return cli;
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
