// The working memory of the quarter-end cross-ownership valuation (revalueStakes.ts), allocated
// once per run with the step's scratch.

/**
 * Working memory of revalueStakes for a loop of `E` companies. A class, not an object literal, so
 * that a second run in the same process keeps the step's compiled code (see Ctx).
 */
export class CrossWork {
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

  /** Allocates the working memory for `E` companies. */
  constructor(E: number) {
    this.a = new Float64Array(E);
    this.d = new Float64Array(E);
    this.r = new Float64Array(E);
    this.s = new Float64Array(E);
    this.b = new Float64Array(E);
    this.ms = new Float64Array(E * E);
    this.md = new Float64Array(E * E);
    this.fall = new Float64Array(E);
  }
}
