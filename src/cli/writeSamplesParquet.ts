// Writes every sample to a Parquet file (hyparquet-writer): one DOUBLE column per assumption, one
// row per sample. pandas, DuckDB and Arrow read it directly.

import { parquetWriteFile } from "hyparquet-writer";

/** Writes `columns` under `names` to `path`. */
export function writeSamplesParquet(
  path: string,
  names: readonly string[],
  columns: readonly Float64Array[],
): void {
  parquetWriteFile({
    filename: path,
    columnData: names.map((name, i) => ({
      name,
      data: Array.from(columns[i] as Float64Array),
      type: "DOUBLE" as const,
    })),
  });
}
