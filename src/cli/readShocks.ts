// The shocks of every --shock, read against a checked scenario, for the commands that take them
// (stress, report): all problems printed as `--shock N:1:COL`, then one UsageError.

import type { CheckedScenario } from "../scenario/checkScenario.js";
import { formatDiagnostics } from "../scenario/formatDiagnostics.js";
import { readShock } from "../stress/readShock.js";
import type { Shock } from "../stress/shock.js";
import { type Io, UsageError } from "./io.js";

/** Reads every shock text; on any problem prints them all and throws a UsageError. */
export function readShocks(texts: readonly string[], checked: CheckedScenario, io: Io): Shock[] {
  const shocks: Shock[] = [];
  const problems: string[] = [];
  texts.forEach((text, k) => {
    const r = readShock(text, checked);
    if (r.ok) shocks.push(r.value);
    else problems.push(formatDiagnostics(`--shock ${k + 1}`, text, r.diagnostics));
  });
  if (problems.length > 0) {
    io.err(`${problems.join("\n")}\n`);
    throw new UsageError(
      `${problems.length} shock${problems.length === 1 ? "" : "s"} could not be read (see docs/stress.md)`,
    );
  }
  return shocks;
}
