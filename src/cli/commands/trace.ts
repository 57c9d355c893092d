// `perpetuum trace [SCENARIO]`: the circularity of the point run, the cycles money went round and
// where each company's revenue and spending came from, as a report or as JSON.

import { renderTraceReport } from "../../report/traceReport.js";
import { simulatePoint } from "../../sim/simulatePoint.js";
import { traceRun } from "../../trace/traceRun.js";
import { type Io, UsageError } from "../io.js";
import { loadChecked } from "../loadChecked.js";

/** Options of `trace`. */
export interface TraceFlags {
  /** --format. */
  readonly format: "table" | "json";
}

/** Runs `trace`. */
export function traceCommand(file: string, flags: TraceFlags, io: Io): void {
  const { scenario, model, path } = loadChecked(file, io);
  if (scenario.system.entities.length === 0)
    throw new UsageError(`${path}: the scenario has no entities, so no money goes round`);
  const result = simulatePoint(scenario, model);
  const doc = traceRun(result);
  io.out(
    flags.format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : renderTraceReport(result, doc),
  );
}
