// Elliott, Golub & Jackson (2014) cascades: organisations hold shares of each other and of
// primitive assets; one whose market value falls below its threshold fails, loses a failure cost,
// and so lowers the values of all who depend on it, wave after wave.

import { luFactor, luSolve } from "./denseSolve.js";

/** An Elliott–Golub–Jackson network: cross-holdings, asset holdings and prices, thresholds. */
export interface ElliottGolubJacksonInput {
  /** Number of organisations, indexed 0 … n − 1. */
  readonly n: number;
  /**
   * `[i, j, s]`: i holds the share s of j (C_ij = s). No self-holdings; every organisation's
   * shares held by the others sum to less than 1. Repeated pairs add up.
   */
  readonly crossHoldings: ReadonlyArray<readonly [number, number, number]>;
  /** `[i, k, share]`: i holds `share` of primitive asset k (D_ik). Repeated pairs add up. */
  readonly assetHoldings: ReadonlyArray<readonly [number, number, number]>;
  /** Number of primitive assets, indexed 0 … m − 1 (= assetPrices.length). */
  readonly m: number;
  /** The price p_k of each primitive asset. */
  readonly assetPrices: Float64Array;
  /** θ_i: organisation i fails when its market value is below this. */
  readonly failureThresholds: Float64Array;
  /** β_i: the value organisation i loses when it fails. */
  readonly failureCosts: Float64Array;
}

/** The outcome of an Elliott–Golub–Jackson cascade. */
export interface ElliottGolubJacksonResult {
  /** v = A·D·p: market values if nobody failed. */
  readonly marketValuesNoFailures: Float64Array;
  /** v = A·(D·p − b) with the failure costs b of all who failed. */
  readonly marketValues: Float64Array;
  /** 1 for every organisation that failed. */
  readonly failed: Uint8Array;
  /** The wave in which each organisation failed (the first wave is 1), −1 for survivors. */
  readonly failureWave: Int32Array;
}

/**
 * The cascade of Elliott, Golub & Jackson (2014), "Financial networks and contagion", American
 * Economic Review 104(10): 3115–3153. Organisations are indexed from 0; C_ij is the share of j
 * held by i, Ĉ the diagonal matrix of the shares held by outside investors, Ĉ_jj = 1 − Σ_i C_ij,
 * and the dependency matrix A = Ĉ·(I − C)⁻¹ maps the organisations' primitive holdings to their
 * market values: v = A·(D·p − b), where b_i = β_i if i has failed and 0 otherwise. Organisation i
 * fails when v_i < θ_i (strictly). Starting from no failures, each wave fails everyone below
 * threshold at the values left by the previous waves, until a wave fails nobody: the smallest
 * equilibrium failure set (the paper's algorithm for its "best-case" equilibrium). Dense: one LU
 * factorisation of I − C, one solve per wave; n must be small enough for n² numbers.
 *
 * @example elliottGolubJackson({ n: 2, crossHoldings: [[0, 1, 0.5], [1, 0, 0.5]], assetHoldings: [[0, 0, 1], [1, 1, 1]], m: 2, assetPrices: Float64Array.of(3, 0), failureThresholds: Float64Array.of(0, 0), failureCosts: Float64Array.of(0, 0) })
 * // marketValuesNoFailures [2, 1]: A = [[2/3, 1/3], [1/3, 2/3]]
 */
export function elliottGolubJackson(input: ElliottGolubJacksonInput): ElliottGolubJacksonResult {
  const { n, assetPrices, failureThresholds, failureCosts } = input;
  const iMinusC = new Float64Array(n * n);
  const outsideShare = new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) iMinusC[i * n + i] = 1;
  for (const [i, j, s] of input.crossHoldings) {
    iMinusC[i * n + j] = (iMinusC[i * n + j] as number) - s;
    outsideShare[j] = (outsideShare[j] as number) - s;
  }
  // D·p − b, b growing as organisations fail.
  const netPrimitive = new Float64Array(n);
  for (const [i, k, share] of input.assetHoldings) {
    netPrimitive[i] = (netPrimitive[i] as number) + share * (assetPrices[k] as number);
  }
  const factors = luFactor(iMinusC, n);
  if (factors === null) {
    throw new Error("I − C is singular: cross-holdings must leave some of every share outside");
  }
  const failed = new Uint8Array(n);
  const failureWave = new Int32Array(n).fill(-1);
  const values = () => {
    const v = luSolve(factors, netPrimitive);
    for (let i = 0; i < n; i++) v[i] = (outsideShare[i] as number) * (v[i] as number);
    return v;
  };
  const marketValuesNoFailures = values();
  let marketValues: Float64Array = Float64Array.from(marketValuesNoFailures);
  for (let wave = 1; ; wave++) {
    let any = false;
    for (let i = 0; i < n; i++) {
      if (failed[i] === 0 && (marketValues[i] as number) < (failureThresholds[i] as number)) {
        failed[i] = 1;
        failureWave[i] = wave;
        netPrimitive[i] = (netPrimitive[i] as number) - (failureCosts[i] as number);
        any = true;
      }
    }
    if (!any) break;
    marketValues = values();
  }
  return { marketValuesNoFailures, marketValues, failed, failureWave };
}
