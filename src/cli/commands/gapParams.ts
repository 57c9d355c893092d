// The --param name=value inputs of a gap method: each parsed in its unit, checked against the
// method's parameters with a suggestion for a misspelt name, and sourced `--param`.

import { GAP_METHODS, type GapInput, type GapMethodName, readGapValue } from "../../gap/index.js";
import { didYouMean } from "../../scenario/suggest.js";
import { UsageError } from "../io.js";

/** The source recorded for a value given with --param. */
const PARAM_SOURCE = "--param";

/** Reads every --param name=value of the method into inputs sourced `--param`. */
export function readParams(
  method: GapMethodName,
  params: readonly string[],
): Record<string, GapInput> {
  const parameters = GAP_METHODS[method];
  const names = parameters.map((p) => p.name);
  const out: Record<string, GapInput> = {};
  for (const param of params) {
    const eq = param.indexOf("=");
    if (eq < 0) throw new UsageError(`--param ${param}: expected name=value, e.g. margin=50%`);
    const name = param.slice(0, eq).trim();
    const p = parameters.find((q) => q.name === name);
    if (p === undefined)
      throw new UsageError(
        `--param ${param}: unknown parameter "${name}" of ${method}${didYouMean(name, names)}; expected one of ${names.join(", ")}`,
      );
    if (name in out) throw new UsageError(`--param ${param}: ${name} is given twice`);
    const value = readGapValue(p, param.slice(eq + 1));
    if (!value.ok) throw new UsageError(`--param ${param}: ${value.message}`);
    out[name] = { value: value.value, source: PARAM_SOURCE };
  }
  return out;
}
