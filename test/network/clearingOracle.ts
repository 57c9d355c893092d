// Reference tools for the clearing tests: networks from plain arrays, random networks for
// fast-check, and the brute-force Picard iteration the fast algorithms are checked against.
import fc from "fast-check";
import type { ClearingInput, ClearingResult } from "../../src/network/clearingResult.js";
import { csrFromEdges } from "../../src/network/csr.js";

/** An obligation: `from` owes `to` the amount. */
export type Edge = readonly [from: number, to: number, amount: number];

/** A network of `e.length` nodes with the obligations `edges`. */
export function network(
  edges: readonly Edge[],
  e: readonly number[],
  b?: readonly number[],
): ClearingInput {
  return {
    liabilities: csrFromEdges(e.length, edges),
    externalAssets: Float64Array.from(e),
    externalLiabilities: b === undefined ? new Float64Array(e.length) : Float64Array.from(b),
  };
}

/** The same network with its external assets multiplied, node by node, by `factor`. */
export function scaleAssets(input: ClearingInput, factor: readonly number[]): ClearingInput {
  return {
    ...input,
    externalAssets: input.externalAssets.map((x, i) => x * (factor[i] as number)),
  };
}

/**
 * A random network of 1 to 8 nodes, amounts in tenths: ties happen (a node with exactly what it
 * owes), and so does rounding, tenths not being exact in binary.
 */
export const arbitraryNetwork: fc.Arbitrary<ClearingInput> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) =>
    fc.record({
      edges: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 1, max: 100 }),
        ),
        { maxLength: 3 * n },
      ),
      e: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
      b: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ edges, e, b }) =>
    network(
      edges.map(([i, j, x]) => [i, j, x / 10] as const),
      e.map((x) => x / 10),
      b.map((x) => x / 10),
    ),
  );

/** Σ of an array. */
export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
}

/**
 * The greatest clearing vector by Picard iteration from p̄: p ← Φ(p) until it stops moving, on a
 * dense copy of the network. Φ is monotone, so the iterates fall from p̄ and stay above every
 * clearing vector; solvency being "assets ≥ p̄", their limit is itself one, the greatest. Solvent
 * means assets ≥ (1 − 1e-12)·p̄, as in the algorithm under test.
 */
export function picard(input: ClearingInput, alpha = 1, beta = 1): Float64Array {
  const { liabilities: L, externalAssets: e, externalLiabilities: b } = input;
  const n = L.n;
  const pi = new Float64Array(n * n);
  const pbar = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = L.rowStart[i] as number; k < (L.rowStart[i + 1] as number); k++) {
      pbar[i] = (pbar[i] as number) + (L.value[k] as number);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = L.rowStart[i] as number; k < (L.rowStart[i + 1] as number); k++) {
      pi[i * n + (L.col[k] as number)] = (L.value[k] as number) / (pbar[i] as number);
    }
  }
  const stop = 1e-15 * Math.max(1, ...pbar);
  let p = pbar.slice();
  for (let iteration = 0; iteration < 1_000_000; iteration++) {
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i++) {
      let received = 0;
      for (let j = 0; j < n; j++) received += (pi[j * n + i] as number) * (p[j] as number);
      const owed = pbar[i] as number;
      const assets = (e[i] as number) + received;
      next[i] = assets >= owed - 1e-12 * owed ? owed : alpha * (e[i] as number) + beta * received;
      change = Math.max(change, Math.abs((next[i] as number) - (p[i] as number)));
    }
    p = next;
    if (change <= stop) break;
  }
  return p;
}

/**
 * Checks the invariants every clearing result must satisfy: 0 ≤ p ≤ p̄; p is a fixed point of
 * the clearing map (defaulters pay α·e + β·received and their assets fall short, the others pay
 * in full and can); total equity + external creditors' payments + deadweight loss = total
 * external assets. Returns the first violation, or `null`.
 */
export function violation(
  input: ClearingInput,
  r: ClearingResult,
  alpha = 1,
  beta = 1,
): string | null {
  const e = input.externalAssets;
  const scale = Math.max(1, sum(e) + sum(r.totalLiabilities));
  const tol = 1e-9 * scale;
  for (let i = 0; i < e.length; i++) {
    const p = r.payments[i] as number;
    const owed = r.totalLiabilities[i] as number;
    const received = r.paymentsReceived[i] as number;
    const assets = (e[i] as number) + received;
    if (!(p >= -tol && p <= owed + tol)) return `p[${i}] = ${p} outside [0, ${owed}]`;
    if (r.defaulted[i] === 1) {
      const due = alpha * (e[i] as number) + beta * received;
      if (Math.abs(p - due) > tol) return `defaulter ${i} pays ${p}, not ${due}`;
      if (assets > owed + tol) return `defaulter ${i} could pay: ${assets} ≥ ${owed}`;
      if (!(p < owed)) return `defaulter ${i} pays in full`;
    } else {
      if (p !== owed) return `solvent ${i} pays ${p} of ${owed}`;
      if (assets < owed - tol) return `solvent ${i} cannot pay: ${assets} < ${owed}`;
    }
  }
  const balance = r.totalEquity + r.externalCreditorPayments + r.deadweightLoss - sum(e);
  if (Math.abs(balance) > tol) return `value not conserved: off by ${balance}`;
  return null;
}

/** The largest |a_i − b_i| relative to max(1, |b_i|). */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number)) / Math.max(1, Math.abs(b[i] as number));
    worst = Math.max(worst, d);
  }
  return worst;
}
