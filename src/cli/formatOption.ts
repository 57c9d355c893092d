// The --format option that most commands share: table by default, or one of the other formats the
// command can print.

import { Option } from "@commander-js/extra-typings";

/** `-f, --format <format>`, choosing among "table" and `others`, "table" by default. */
export function formatOption(...others: readonly string[]) {
  return new Option("-f, --format <format>", "output format")
    .choices(["table", ...others])
    .default("table");
}
