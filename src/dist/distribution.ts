// The probability distributions an uncertain value can have, as plain data. Parameters are in
// base units (dollars, watts, plain numbers) and have been validated by the scenario compiler.

/** A univariate distribution. */
export type Distribution =
  | { readonly kind: "constant"; readonly value: number }
  /** Normal with mean and standard deviation (sd > 0). */
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number }
  /** Lognormal: ln X is normal with mean `mu` and standard deviation `sigma` (> 0); median e^mu. */
  | { readonly kind: "lognormal"; readonly mu: number; readonly sigma: number }
  /** Uniform on [min, max], min < max. */
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  /** Triangular on [min, max] with the given mode, min ≤ mode ≤ max, min < max. */
  | {
      readonly kind: "triangular";
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  /** Beta-PERT (λ = 4) on [min, max] with the given mode, min ≤ mode ≤ max, min < max. */
  | { readonly kind: "pert"; readonly min: number; readonly mode: number; readonly max: number }
  /** Beta on [0, 1] with shape parameters alpha > 0, beta > 0. */
  | { readonly kind: "beta"; readonly alpha: number; readonly beta: number }
  /** 1 with probability p, else 0; 0 ≤ p ≤ 1. */
  | { readonly kind: "bernoulli"; readonly p: number }
  /** One of `values` with the matching `weights` (non-negative, summing to 1). */
  | {
      readonly kind: "discrete";
      readonly values: readonly number[];
      readonly weights: readonly number[];
    }
  /** A draw from component k with probability weights[k] (non-negative, summing to 1). */
  | {
      readonly kind: "mixture";
      readonly components: readonly Distribution[];
      readonly weights: readonly number[];
    }
  /** `base` conditioned on min ≤ X ≤ max (min < max; the interval has positive probability). */
  | {
      readonly kind: "truncated";
      readonly base: Distribution;
      readonly min: number;
      readonly max: number;
    };

/** The name of a distribution kind. */
export type DistributionKind = Distribution["kind"];
