// `perpetuum convert`: the hardware arithmetic from the command line, step by step with units:
// power ↔ GPUs (all-in watts per GPU, or chip TDP × overhead × PUE), capex of a power, the cost
// of a GPU-hour, a cluster's failure rates, and the chip table. See docs/hardware.md. This file
// picks the sub-form; each lives in its own convert*.ts.

import { readLiteral } from "../../units/literal.js";
import { POWER, sameDimensions } from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";
import { chipTable } from "./convertChips.js";
import { failures } from "./convertFailures.js";
import type { ConvertFlags } from "./convertFlags.js";
import { gpuHour } from "./convertGpuHour.js";
import type { Conversion } from "./convertOutput.js";
import { fromGpus, fromPower } from "./convertPower.js";

/** Picks the sub-form from the flags and the value. */
function convert(value: string | undefined, flags: ConvertFlags): Conversion {
  const forms = [flags.chips, flags.gpuHour, flags.failures, value !== undefined].filter(
    Boolean,
  ).length;
  if (forms !== 1)
    throw new UsageError("give one of: a VALUE (10GW or 100000), --gpu-hour, --failures, --chips");
  if (flags.chips) return chipTable();
  if (flags.gpuHour) return gpuHour(flags);
  if (flags.failures) return failures(flags);
  const text = value as string;
  const m = readLiteral(text.trim(), 0);
  if (m === null || "problem" in m || m.length !== text.trim().length || !(m.value > 0))
    throw new UsageError(
      `${text}: expected a power such as 10GW or a number of GPUs such as 100000`,
    );
  if (sameDimensions(m.unit, POWER)) return fromPower(m.value, text, flags);
  if (m.unit.money === 0 && m.unit.power === 0 && !m.unit.percent)
    return fromGpus(m.value, text, flags);
  throw new UsageError(`${text}: expected a power such as 10GW or a number of GPUs such as 100000`);
}

/** Runs `convert`. */
export function convertCommand(value: string | undefined, flags: ConvertFlags, io: Io): void {
  const c = convert(value, flags);
  io.out(
    flags.format === "json" ? `${JSON.stringify(c.doc, null, 2)}\n` : `${c.lines.join("\n")}\n`,
  );
}
