// The package's own folder (with scenarios/ and dist/web/), found from this module's place: two
// levels up from src/cli, dist/cli and dist/bundle alike.

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, scenarios/ and dist/. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
