// Where an HTML report goes: the path given on the command line, checked before any work is done.

import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./io.js";

/**
 * The report file to write, refused when it is a folder or its folder does not exist; `flag` is
 * the option that named it, for messages.
 */
export function reportPath(out: string, flag: string): string {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`${flag} ${out}: is a folder; give a file name such as report.html`);
  if (!existsSync(dirname(path)))
    throw new UsageError(`${flag} ${out}: the folder ${dirname(out)} does not exist`);
  return path;
}
