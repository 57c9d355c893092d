// Exposures grouped by debtor: the creditors who lose when a node is distressed, found by one
// counting sort of the edge list (O(n + E)). Shared by the cascades that spread losses from a
// debtor to its creditors (Furfine, DebtRank).

/** The exposures of each debtor j at [start[j], start[j + 1]): creditor i and amount x. */
export interface ByDebtor {
  readonly start: Int32Array;
  readonly creditor: Int32Array;
  readonly amount: Float64Array;
}

/**
 * Groups exposures `[i, j, x]` (i's claim of x on j) by debtor j, keeping the edge list's order
 * within each debtor and every edge (repeated pairs stay separate).
 *
 * @example groupByDebtor(2, [[1, 0, 5]]) // start [0, 1, 1], creditor [1], amount [5]
 */
export function groupByDebtor(
  n: number,
  exposures: ReadonlyArray<readonly [number, number, number]>,
): ByDebtor {
  const start = new Int32Array(n + 1);
  for (const [, j] of exposures) start[j + 1] = (start[j + 1] as number) + 1;
  for (let j = 0; j < n; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const fill = start.slice(0, n);
  const creditor = new Int32Array(exposures.length);
  const amount = new Float64Array(exposures.length);
  for (const [i, j, x] of exposures) {
    const at = fill[j] as number;
    fill[j] = at + 1;
    creditor[at] = i;
    amount[at] = x;
  }
  return { start, creditor, amount };
}
