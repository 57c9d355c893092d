// `perpetuum check FILE`: validates a scenario and prints what each assumption means.

import { describeAssumption } from "../../model/describeAssumption.js";
import { renderTable } from "../../report/table.js";
import { quarterLabel } from "../../scenario/quarter.js";
import { unitName } from "../../units/unit.js";
import type { Io } from "../io.js";
import { loadChecked } from "../loadChecked.js";

/** Runs `check`. */
export function checkCommand(file: string, io: Io): void {
  const { scenario, model, outputs, path } = loadChecked(file, io);
  const rows = model.assumptions.map((a) => [
    a.name,
    describeAssumption(a),
    unitName(a.unit),
    a.source ?? "",
  ]);
  const end = quarterLabel(scenario.start + scenario.quarters - 1);
  io.out(
    `${scenario.name} (${path}): ${quarterLabel(scenario.start)} to ${end}, ${scenario.quarters} quarter${scenario.quarters === 1 ? "" : "s"}, ${model.assumptions.length} assumptions\n\n`,
  );
  io.out(
    `${renderTable(["assumption", "meaning", "unit", "source"], rows, ["left", "left", "left", "left"])}\n`,
  );
  if (outputs.outputs.length > 0) {
    const declared = outputs.outputs.map((o) => [
      o.name,
      `= ${o.text}`,
      o.boolean ? "probability" : unitName(o.unit),
      o.note ?? "",
    ]);
    io.out(
      `\n${renderTable(["output", "formula", "unit", "note"], declared, ["left", "left", "left", "left"])}\n`,
    );
  }
  io.out("\nok: no problems found\n");
}
