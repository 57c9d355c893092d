// DebtRank: how much of the system's economic value is lost when distress spreads linearly from
// debtors to creditors, in the single-hit form of Battiston et al. (2012) and the differential
// form of Bardoscia et al. (2015).

import { groupByDebtor } from "./byDebtor.js";

/** Battiston et al.'s "single-hit" propagation or Bardoscia et al.'s "differential" one. */
export type DebtRankVariant = "single-hit" | "differential";

/** A DebtRank run: the exposures and buffers, the nodes' economic weights and the shock. */
export interface DebtRankInput {
  /** Number of nodes, indexed 0 … n − 1. */
  readonly n: number;
  /** `[i, j, x]`: i's claim of x on j (i loses when j is distressed). Repeated pairs add up. */
  readonly exposures: ReadonlyArray<readonly [number, number, number]>;
  /** Each node's capital (equity), > 0: the denominator of its impact row. */
  readonly capital: Float64Array;
  /** Relative economic value of each node (e.g. total assets), normalised here to sum 1. */
  readonly weights: Float64Array;
  /** Initial relative equity loss h(0) of each node, in [0, 1]; 1 means defaulted. */
  readonly initialStress: Float64Array;
  /** Which dynamics propagate the stress. */
  readonly variant: DebtRankVariant;
  /** W_ij = min(1, x_ij / capital_i), as in NetworkRiskMeasures, instead of x_ij / capital_i. */
  readonly capImpactAtOne: boolean;
}

/** The outcome of a DebtRank run. */
export interface DebtRankResult {
  /** Each node's relative equity loss h at the end, in [0, 1]. */
  readonly finalStress: Float64Array;
  /** Σ v_i·h_i(final) − Σ v_i·h_i(0), v the normalised weights: the value lost to contagion. */
  readonly debtRank: number;
  /** #{i : h_i(final) = 1} − #{i : h_i(0) = 1}. */
  readonly additionalDefaults: number;
}

/**
 * The differential dynamics stop once no node's stress rises by more than this in a round: 2⁻⁵³,
 * the resolution of a stress near 1.
 */
const TOLERANCE = Number.EPSILON / 2;

/** Rounds after which the differential dynamics stop if they have not yet converged. */
const MAX_ROUNDS = 10_000;

/** Impact lists by debtor: for debtor j, its creditors `creditor[e]` and W_ij = `impact[e]`. */
interface ImpactLists {
  readonly start: Int32Array;
  readonly creditor: Int32Array;
  readonly impact: Float64Array;
}

/** W_ij = x_ij / capital_i (capped at 1 on request), grouped by debtor j, repeated pairs merged. */
function impactLists(input: DebtRankInput): ImpactLists {
  const { n, exposures, capital } = input;
  const { start, creditor, amount: impact } = groupByDebtor(n, exposures);
  const seenFor = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  let out = 0;
  for (let j = 0; j < n; j++) {
    const from = start[j] as number;
    const to = start[j + 1] as number;
    start[j] = out;
    for (let e = from; e < to; e++) {
      const i = creditor[e] as number;
      if (seenFor[i] === j) {
        const s = slot[i] as number;
        impact[s] = (impact[s] as number) + (impact[e] as number);
      } else {
        seenFor[i] = j;
        slot[i] = out;
        creditor[out] = i;
        impact[out] = impact[e] as number;
        out++;
      }
    }
  }
  start[n] = out;
  for (let e = 0; e < out; e++) {
    const w = (impact[e] as number) / (capital[creditor[e] as number] as number);
    impact[e] = input.capImpactAtOne ? Math.min(1, w) : w;
  }
  return { start, creditor, impact };
}

/**
 * Battiston et al. (2012): a node distressed in round t (h > 0, not yet propagated) passes
 * W_ij·h_j(t) to each creditor i once, then becomes inactive; every round all distressed nodes
 * propagate at once, h_i(t + 1) = min(1, h_i(t) + Σ_{j distressed at t} W_ij·h_j(t)).
 */
function singleHit(lists: ImpactLists, h: Float64Array): void {
  const { start, creditor, impact } = lists;
  const n = h.length;
  const inactive = new Uint8Array(n);
  const received = new Float64Array(n);
  const touchedInRound = new Int32Array(n).fill(-1);
  let distressed: number[] = [];
  for (let j = 0; j < n; j++) if ((h[j] as number) > 0) distressed.push(j);
  for (let round = 0; distressed.length > 0; round++) {
    const touched: number[] = [];
    for (const j of distressed) {
      const hj = h[j] as number;
      for (let e = start[j] as number; e < (start[j + 1] as number); e++) {
        const i = creditor[e] as number;
        received[i] = (received[i] as number) + (impact[e] as number) * hj;
        if (touchedInRound[i] !== round) {
          touchedInRound[i] = round;
          touched.push(i);
        }
      }
    }
    for (const j of distressed) inactive[j] = 1;
    const next: number[] = [];
    for (const i of touched) {
      const before = h[i] as number;
      h[i] = Math.min(1, before + (received[i] as number));
      received[i] = 0;
      if (before === 0 && (h[i] as number) > 0 && inactive[i] === 0) next.push(i);
    }
    distressed = next;
  }
}

/**
 * Bardoscia et al. (2015): h_i(t + 1) = min(1, h_i(t) + Σ_j W_ij·(h_j(t) − h_j(t − 1))) with
 * h(−1) = 0, so that every increase of stress is passed on once. Each round sweeps the debtors in
 * order (sequential reads of the lists) and only those whose stress rose pass anything on; stops
 * when no stress rose by more than TOLERANCE in a round (those last rises are kept but not passed
 * on) or after MAX_ROUNDS rounds.
 */
function differential(lists: ImpactLists, h: Float64Array): void {
  const { start, creditor, impact } = lists;
  const n = h.length;
  const rise = Float64Array.from(h);
  const received = new Float64Array(n);
  let largest = Number.POSITIVE_INFINITY;
  for (let round = 0; largest > TOLERANCE && round < MAX_ROUNDS; round++) {
    for (let j = 0; j < n; j++) {
      const dj = rise[j] as number;
      if (dj === 0) continue;
      const to = start[j + 1] as number;
      for (let e = start[j] as number; e < to; e++) {
        const i = creditor[e] as number;
        received[i] = (received[i] as number) + (impact[e] as number) * dj;
      }
    }
    largest = 0;
    for (let i = 0; i < n; i++) {
      const before = h[i] as number;
      const after = Math.min(1, before + (received[i] as number));
      received[i] = 0;
      rise[i] = after - before;
      h[i] = after;
      if (after - before > largest) largest = after - before;
    }
  }
}

/**
 * DebtRank of a shock. Nodes are indexed from 0; an exposure `[i, j, x]` is i's claim on j, so
 * distress flows from j to its creditor i with impact W_ij = x_ij / capital_i (or
 * min(1, x_ij / capital_i) with `capImpactAtOne`, as the R package NetworkRiskMeasures,
 * Cinelli & Silva, computes its "vulnerability matrix"). Two dynamics:
 *
 * - "single-hit", Battiston, Puliga, Kaushik, Tasca & Caldarelli (2012), "DebtRank: too central
 *   to fail?", Sci. Rep. 2:541: nodes are undistressed (h = 0), distressed or inactive; each
 *   distressed node passes W_ij·h_j on once, in the round after it became distressed, then is
 *   inactive. Stress reaching an inactive node still raises its h but is not passed on. This is
 *   NetworkRiskMeasures' `debt_rank_shock`, run to the end rather than to its 1e-9 tolerance.
 * - "differential", Bardoscia, Battiston, Caccioli & Caldarelli (2015), "DebtRank: a
 *   microscopic foundation for shock propagation", PLoS ONE 10(6): e0130406:
 *   h_i(t + 1) = min(1, h_i(t) + Σ_j W_ij·(h_j(t) − h_j(t − 1))), h(−1) = 0, until no stress
 *   rises by more than 2⁻⁵³ in a round (at most 10,000 rounds). The dynamics converge
 *   geometrically when the spectral radius ρ of W is below 1 and otherwise drive some node to
 *   default; the rounds needed grow like log(2⁻⁵³) / log ρ.
 *
 * Sparse: O(n + E) to build the debtor lists; single-hit then reads each exposure at most once
 * (about 10 ms for 10,000 nodes and 100,000 exposures on a 2-core machine); differential costs
 * O(n + E) per round (about 110 rounds, 85 ms, for such a network with ρ ≈ 0.74).
 *
 * @example debtRank({ n: 2, exposures: [[1, 0, 2]], capital: Float64Array.of(1, 4), weights: Float64Array.of(1, 1), initialStress: Float64Array.of(1, 0), variant: "single-hit", capImpactAtOne: false })
 * // finalStress [1, 0.5], debtRank 0.25, additionalDefaults 0
 */
export function debtRank(input: DebtRankInput): DebtRankResult {
  const { n, weights, initialStress } = input;
  const lists = impactLists(input);
  const h = Float64Array.from(initialStress);
  switch (input.variant) {
    case "single-hit":
      singleHit(lists, h);
      break;
    case "differential":
      differential(lists, h);
      break;
    default:
      input.variant satisfies never;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  let value = 0;
  let defaults = 0;
  for (let i = 0; i < n; i++) {
    value += ((weights[i] as number) / total) * ((h[i] as number) - (initialStress[i] as number));
    if (h[i] === 1) defaults++;
    if (initialStress[i] === 1) defaults--;
  }
  return { finalStress: h, debtRank: value, additionalDefaults: defaults };
}
