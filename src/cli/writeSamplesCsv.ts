// Writes every sample to a CSV file: one row per sample, one column per assumption, values in
// base units with full precision (pandas, DuckDB and spreadsheets read it as is).

import { closeSync, openSync, writeSync } from "node:fs";

/** Rows buffered before each write. */
const ROWS_PER_WRITE = 8192;

/** Writes `columns` under `names` to `path`. */
export function writeSamplesCsv(
  path: string,
  names: readonly string[],
  columns: readonly Float64Array[],
): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `${names.join(",")}\n`);
    const n = columns[0]?.length ?? 0;
    for (let from = 0; from < n; from += ROWS_PER_WRITE) {
      const lines: string[] = [];
      const to = Math.min(n, from + ROWS_PER_WRITE);
      for (let i = from; i < to; i++) lines.push(columns.map((c) => String(c[i])).join(","));
      writeSync(fd, `${lines.join("\n")}\n`);
    }
  } finally {
    closeSync(fd);
  }
}
