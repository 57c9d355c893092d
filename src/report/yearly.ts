// Sums and year-end values of quarterly series, for reports by calendar year.

/** Calendar years covered by quarter labels (`2025Q1` …), in order. */
export function yearsOf(quarters: readonly string[]): number[] {
  return [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
}

/**
 * The sum of `series` over each year's quarters.
 *
 * @example yearlySum(["2025Q1", "2025Q2"], [1, 2]) // [3]
 */
export function yearlySum(quarters: readonly string[], series: readonly number[]): number[] {
  const years = yearsOf(quarters);
  const out = years.map(() => 0);
  quarters.forEach((q, i) => {
    const y = years.indexOf(Number(q.slice(0, 4)));
    out[y] = (out[y] as number) + (series[i] as number);
  });
  return out;
}

/** The last value of `series` in each year. */
export function yearEnd(quarters: readonly string[], series: readonly number[]): number[] {
  const years = yearsOf(quarters);
  const out = years.map(() => 0);
  quarters.forEach((q, i) => {
    out[years.indexOf(Number(q.slice(0, 4)))] = series[i] as number;
  });
  return out;
}
