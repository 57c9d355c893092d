// Where the CLI writes files: the paths given on the command line, checked before any work is
// done, and the writes themselves, whose failures (a folder that cannot be made, a disk that is
// full, no permission) are reported as the option's error instead of Node's stack trace.

import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError } from "./io.js";

/**
 * The file to write, refused when it is a folder or its folder does not exist; `flag` is the
 * option that named it and `example` a file name to suggest, for messages.
 */
export function outputFile(out: string, flag: string, example: string): string {
  const path = resolve(out);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`${flag} ${out}: is a folder; give a file name such as ${example}`);
  if (!existsSync(dirname(path)))
    throw new UsageError(`${flag} ${out}: the folder ${dirname(out)} does not exist`);
  if (!statSync(dirname(path)).isDirectory())
    throw new UsageError(`${flag} ${out}: ${dirname(out)} is a file, not a folder`);
  return path;
}

/**
 * The folder to write into (made, with its missing parents, when the files are written), refused
 * when it or the nearest of its parents that exists is a file.
 */
export function outputFolder(out: string, flag: string): string {
  const path = resolve(out);
  let existing = path;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory())
    throw new UsageError(
      existing === path
        ? `${flag} ${out}: is a file; give a folder, such as results`
        : `${flag} ${out}: ${existing} is a file, not a folder`,
    );
  return path;
}

/**
 * Makes folder `dir` and its missing parents one at a time (mkdirSync's own recursion never
 * returns on some paths, such as one under /proc).
 */
export function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  makeFolder(dirname(dir));
  mkdirSync(dir);
}

/** Whether `error` is one of Node's system errors (a failed call, with a code such as ENOSPC). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

/**
 * Runs `write`, which writes what option `flag` named (`out` as given), and returns what it
 * returns; a system error on the way becomes a UsageError that says which file and why.
 */
export function writing<T>(flag: string, out: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw new UsageError(`${flag} ${out}: could not write it (${error.message})`);
  }
}
