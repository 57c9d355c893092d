// Chip figures inside formulas: `tdp(GB200)` is the named accelerator's thermal design power from
// the chip table (src/hardware/chips.ts), so a scenario can derive its power per GPU from it, e.g.
// `watts_per_gpu: = tdp(GB200) * 1.82 * 1.12` (Epoch AI's server overhead and PUE).

import type { Expr } from "../expr/ast.js";
import { CHIPS, findChip } from "../hardware/chips.js";
import { didYouMean } from "../scenario/suggest.js";
import { POWER } from "../units/unit.js";
import { type LowerContext, report, type Typed } from "./lowering.js";

/** Functions whose argument names a chip, not an assumption, with signatures. */
export const CHIP_FUNCTIONS: Readonly<Record<string, string>> = {
  tdp: "tdp(chip)",
};

/** Lowers `tdp(CHIP)` to the chip's power, in watts. */
export function lowerChip(call: Extract<Expr, { type: "call" }>, ctx: LowerContext): Typed {
  const sig = CHIP_FUNCTIONS[call.name] as string;
  const names = CHIPS.map((c) => c.name);
  const arg = call.args[0];
  if (call.args.length !== 1 || arg === undefined || arg.type !== "ref")
    return report(
      ctx,
      "wrong-arity",
      `${sig} takes one chip name, such as tdp(H100); chips are ${names.join(", ")}`,
      call.span,
    );
  const chip = findChip(arg.name);
  if (chip === undefined)
    return report(
      ctx,
      "unknown-chip",
      `unknown chip "${arg.name}"${didYouMean(arg.name.toUpperCase(), names)}; chips are ${names.join(", ")}`,
      arg.span,
    );
  return { node: { k: "const", value: chip.tdpWatts }, unit: POWER };
}
