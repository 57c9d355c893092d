// The chips of `perpetuum convert`: the one --chip names (H100 by default) and the table that
// --chips prints, each chip with its TDP and source.

import { CHIPS, type Chip, findChip } from "../../hardware/chips.js";
import { renderTable } from "../../report/table.js";
import { UsageError } from "../io.js";
import type { ConvertFlags } from "./convertFlags.js";
import { type Conversion, watts } from "./convertOutput.js";

/** The chip named by --chip (H100 by default). */
export function chipOf(flags: ConvertFlags): Chip {
  const name = flags.chip ?? "H100";
  const chip = findChip(name);
  if (chip === undefined)
    throw new UsageError(
      `--chip ${name}: unknown chip; known: ${CHIPS.map((c) => c.name).join(", ")}`,
    );
  return chip;
}

/** The chip table. */
export function chipTable(): Conversion {
  return {
    lines: [
      renderTable(
        ["chip", "TDP", "description", "source"],
        CHIPS.map((c) => [c.name, watts(c.tdpWatts), c.description, c.source]),
      ).trimEnd(),
    ],
    doc: { chips: CHIPS },
  };
}
