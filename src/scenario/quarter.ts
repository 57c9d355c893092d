// Quarters as labels (`2025Q1`) and as integer indices (year × 4 + quarter − 1), so that
// "three quarters after 2025Q3" is plain arithmetic.

/** Pattern of a quarter label. */
export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

/** The index of a quarter label, or `null` when it is not of the form `2025Q1` … `2025Q4`. */
export function parseQuarter(label: string): number | null {
  const m = QUARTER_PATTERN.exec(label);
  if (m === null) return null;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

/** The label of a quarter index. */
export function quarterLabel(index: number): string {
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}
