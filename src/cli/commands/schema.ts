// `perpetuum schema`: prints the JSON Schema of scenario files for editors.

import { scenarioJsonSchema } from "../../scenario/schema.js";
import type { Io } from "../io.js";

/** Runs `schema`. */
export function schemaCommand(io: Io): void {
  io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
