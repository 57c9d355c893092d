// Finds and reads a scenario: a path, or the name of a built-in scenario (scenarios/NAME.yaml).

import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MAX_SCENARIO_BYTES } from "../defaults.js";
import { PACKAGE_ROOT } from "./packageRoot.js";

/** The folder of the built-in scenarios, beside the package's dist/ and src/. */
export const BUILT_IN_DIR = join(PACKAGE_ROOT, "scenarios");

/** A scenario's text and the name to show in messages. */
export type ScenarioText =
  | { readonly ok: true; readonly path: string; readonly text: string }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `pathOrName`: an existing file, else a built-in scenario of that name. Refuses files
 * over the size limit without reading them.
 */
export function readScenarioFile(pathOrName: string): ScenarioText {
  const builtIn = join(BUILT_IN_DIR, `${pathOrName}.yaml`);
  const path = existsSync(pathOrName)
    ? pathOrName
    : /^[a-z0-9-]+$/.test(pathOrName) && existsSync(builtIn)
      ? builtIn
      : null;
  if (path === null) {
    return {
      ok: false,
      message: `${pathOrName}: no such file, and no built-in scenario of that name (see perpetuum scenarios)`,
    };
  }
  const stats = statSync(path);
  if (!stats.isFile()) return { ok: false, message: `${path}: not a file` };
  if (stats.size > MAX_SCENARIO_BYTES) {
    const mb = (stats.size / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      message: `${path}:1:1: the file is ${mb} MB; scenario files are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MB`,
    };
  }
  const shown = path === builtIn ? `scenarios/${pathOrName}.yaml` : path;
  return { ok: true, path: shown, text: readFileSync(path, "utf8") };
}
