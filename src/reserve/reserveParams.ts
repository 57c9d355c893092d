// Reserve parameters given on the command line (`--param price='$25k to $35k'`), as assumption
// sources placed after the file's text, so that the scenario compiler checks them like the file's
// own values and each problem can be shown at its parameter and column.

import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import type { AssumptionSource } from "../scenario/scenario.js";
import { didYouMean } from "../scenario/suggest.js";
import { RESERVE_PARAMETERS } from "./parameters.js";

/** Parameters read from `name=value` strings, placed after a file's text. */
export interface ReserveParams {
  /** One source per parameter; offsets count from the start of the file's text. */
  readonly sources: readonly AssumptionSource[];
  /** Offset of the first parameter: problems at or after it belong to the parameters. */
  readonly offset: number;
  /** The parameters one per line, as `diagnostics` offsets (minus `offset`) index them. */
  readonly text: string;
}

const NAMES = RESERVE_PARAMETERS.map((p) => p.name);

/**
 * Reads `name=value` strings into sources that follow a file text of `fileLength` characters,
 * or the problems of every malformed one (offsets in the parameters' own text).
 *
 * @example readReserveParams(["price=$30k", "gpus= budget / price"], text.length)
 */
export function readReserveParams(
  params: readonly string[],
  fileLength: number,
): Result<ReserveParams> {
  const offset = fileLength + 1;
  const text = params.join("\n");
  const problems: Diagnostic[] = [];
  const sources: AssumptionSource[] = [];
  let at = 0;
  for (const param of params) {
    const eq = param.indexOf("=");
    const name = (eq < 0 ? param : param.slice(0, eq)).trim();
    const nameStart = at + param.indexOf(name);
    const fail = (message: string, start: number, end: number) =>
      problems.push({ code: "bad-param", message, start, end });
    if (eq < 0) fail("expected name=value, e.g. price=$30k", at, at + param.length);
    else if (!(NAMES as readonly string[]).includes(name))
      fail(
        `unknown parameter "${name}"${didYouMean(name, NAMES)}; expected one of ${NAMES.join(", ")}`,
        nameStart,
        nameStart + name.length,
      );
    else if (sources.some((s) => s.name === name))
      fail(`${name} is given twice`, nameStart, nameStart + name.length);
    else {
      const raw = param.slice(eq + 1);
      const formula = /^\s*=/.test(raw);
      const cut = formula ? raw.indexOf("=") + 1 : 0;
      sources.push({
        name,
        nameStart: offset + nameStart,
        nameEnd: offset + nameStart + name.length,
        text: raw.slice(cut),
        textStart: offset + at + eq + 1 + cut,
        formula,
        source: "--param",
      });
    }
    at += param.length + 1;
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, value: { sources, offset, text } };
}
