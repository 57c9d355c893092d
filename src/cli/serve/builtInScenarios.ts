// The built-in scenarios the web app offers: their names and their YAML text.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILT_IN_DIR } from "../readScenarioFile.js";

/** What a built-in scenario's name may look like (also keeps requests inside the folder). */
export const SCENARIO_NAME = /^[a-z0-9-]+$/;

/** The names of the built-in scenarios, sorted. */
export function builtInNames(): string[] {
  return readdirSync(BUILT_IN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.replace(/\.yaml$/, ""))
    .filter((name) => SCENARIO_NAME.test(name))
    .sort();
}

/** The YAML text of the built-in scenario `name`, or null when the name is not one. */
export function builtInText(name: string): string | null {
  if (!SCENARIO_NAME.test(name)) return null;
  const path = join(BUILT_IN_DIR, `${name}.yaml`);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}
