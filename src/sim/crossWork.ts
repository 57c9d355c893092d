// The working memory of the quarter-end cross-ownership valuation (revalueStakes.ts), allocated
// once per run with the step's scratch.

/** Working memory of revalueStakes for a loop of `E` companies. */
export interface CrossWork {
  /** Each company's own business value a, its debts d, firm value r, equity s and debt value b. */
  readonly a: Float64Array;
  readonly d: Float64Array;
  readonly r: Float64Array;
  readonly s: Float64Array;
  readonly b: Float64Array;
  /** Mˢ[i·E + j], the share of j held by i; Mᵈ[i·E + j], the share of j's debts owed to i. */
  readonly ms: Float64Array;
  readonly md: Float64Array;
  /** How much each company's stakes lost in value this quarter (the caller zeroes it). */
  readonly fall: Float64Array;
}

/** Allocates revalueStakes's working memory. */
export function crossWork(E: number): CrossWork {
  const v = () => new Float64Array(E);
  return {
    a: v(),
    d: v(),
    r: v(),
    s: v(),
    b: v(),
    ms: new Float64Array(E * E),
    md: new Float64Array(E * E),
    fall: v(),
  };
}
