// `perpetuum run [SCENARIO]`: simulates a scenario quarter by quarter (the point run) and prints
// the report, the result document (JSON) or a long CSV table.

import { renderRunReport, runCsv } from "../../report/runReport.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";

/** Options of `run`. */
export interface RunFlags {
  /** --format. */
  readonly format: string;
}

/** Runs `run`. */
export function runCommand(file: string, flags: RunFlags, io: Io): void {
  const { scenario, model, path } = loadChecked(file, io);
  if (scenario.system.entities.length === 0) {
    throw new UsageError(
      `${path}: the scenario has no entities to simulate; use perpetuum sample to draw its assumptions`,
    );
  }
  const result = simulatePoint(scenario, model);
  if (flags.format === "json") io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (flags.format === "csv") io.out(runCsv(result));
  else io.out(renderRunReport(result));
}
