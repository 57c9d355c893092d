// `perpetuum scenarios`: lists the built-in scenarios with one line each.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { renderTable } from "../../report/table.js";
import type { Io } from "../io.js";
import { BUILT_IN_DIR } from "../readScenarioFile.js";

/** Runs `scenarios`. */
export function scenariosCommand(io: Io): void {
  const rows = readdirSync(BUILT_IN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const doc = parseDocument(readFileSync(join(BUILT_IN_DIR, f), "utf8"));
      const description = String(doc.get("description") ?? "")
        .replace(/\s+/g, " ")
        .trim();
      return [
        f.replace(/\.yaml$/, ""),
        description.length > 100 ? `${description.slice(0, 99)}…` : description,
      ];
    });
  io.out(
    `${renderTable(["scenario", "what it models"], rows)}\n\nRun one with: perpetuum run NAME\n`,
  );
}
