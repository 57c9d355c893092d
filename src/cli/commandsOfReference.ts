// The commands that print reference material instead of computing: the built-in scenarios and
// the JSON Schema of scenario files.

import type { Command } from "@commander-js/extra-typings";
import type { Io } from "./io.js";

/** Adds `scenarios` and `schema` to the program; their actions write to `io`. */
export function addCommandsOfReference(cli: Command, io: Io): void {
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
}
