// `perpetuum clear FILE.json`: clears a financial network given as JSON (Eisenberg–Noe,
// Rogers–Veraart, DebtRank, Furfine, Elliott–Golub–Jackson or cross-ownership) and prints the
// result as JSON. The contract of both documents is in docs/network.md.

import { existsSync, readFileSync, statSync } from "node:fs";
import { MAX_CLEAR_BYTES, readClearRequest } from "../../network/clearRequest.js";
import { runClearRequest } from "../../network/runClearRequest.js";
import { formatDiagnostics } from "../../scenario/formatDiagnostics.js";
import { type Io, UsageError } from "../io.js";

/** Reads the request from `path` ("-" for standard input). */
function readRequestText(path: string): string {
  if (path === "-") return readFileSync(0, "utf8");
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  const stats = statSync(path);
  if (!stats.isFile()) throw new UsageError(`${path}: not a file`);
  if (stats.size > MAX_CLEAR_BYTES) {
    const mb = (stats.size / 1024 / 1024).toFixed(1);
    throw new UsageError(
      `${path}:1:1: the file is ${mb} MB; clear requests are limited to ${MAX_CLEAR_BYTES / 1024 / 1024} MB`,
    );
  }
  return readFileSync(path, "utf8");
}

/** Runs `clear`. */
export function clearCommand(path: string, io: Io): void {
  const text = readRequestText(path);
  const shown = path === "-" ? "<stdin>" : path;
  const request = readClearRequest(text);
  if (!request.ok) {
    io.err(`${formatDiagnostics(shown, text, request.diagnostics)}\n`);
    const n = request.diagnostics.length;
    throw new UsageError(`${shown}: ${n} problem${n === 1 ? "" : "s"} found`);
  }
  io.out(`${JSON.stringify(runClearRequest(request.value), null, 2)}\n`);
}
