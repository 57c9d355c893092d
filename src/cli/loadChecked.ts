// Reads and checks a scenario for a command, printing every problem as FILE:LINE:COL.

import { type CheckedScenario, checkScenario } from "../scenario/checkScenario.js";
import { formatDiagnostics } from "../scenario/formatDiagnostics.js";
import { type Io, UsageError } from "./io.js";
import { readScenarioFile } from "./readScenarioFile.js";

/** A checked scenario with its text and the path to show in messages. */
export interface LoadedFile extends CheckedScenario {
  /** The path shown in messages. */
  readonly path: string;
  /** The file's text. */
  readonly text: string;
}

/** Loads and checks `pathOrName`; on problems prints them and throws a UsageError. */
export function loadChecked(pathOrName: string, io: Io): LoadedFile {
  const file = readScenarioFile(pathOrName);
  if (!file.ok) throw new UsageError(file.message);
  const checked = checkScenario(file.text);
  if (!checked.ok) {
    io.err(`${formatDiagnostics(file.path, file.text, checked.diagnostics)}\n`);
    const n = checked.diagnostics.length;
    throw new UsageError(`${file.path}: ${n} problem${n === 1 ? "" : "s"} found`);
  }
  return { ...checked.value, path: file.path, text: file.text };
}
