// Checks and clean-ups of chart input: non-finite numbers become gaps, and a chart whose numbers
// are all missing or zero is drawn as "no data".

/** `x` when finite, else `null` (a gap in a line, a missing bar). */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** True when some value is finite and not zero: there is something to draw. */
export function hasData(values: Iterable<number>): boolean {
  for (const x of values) if (Number.isFinite(x) && x !== 0) return true;
  return false;
}
