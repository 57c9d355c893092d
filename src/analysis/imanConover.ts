// Iman & Conover (1982), "A distribution-free approach to inducing rank correlation among input
// variables": reorders each column's samples so that their rank correlations approach a target
// matrix while every column keeps exactly its own values (its marginal distribution).

import { inverseNormalCdf } from "../math/index.js";
import { type Rng, streamRng } from "../rng/index.js";
import { cholesky } from "./cholesky.js";
import { ranks } from "./ranks.js";

/** The Pearson correlation of normal scores whose Spearman correlation is ρ: 2·sin(π·ρ/6). */
export function spearmanToPearson(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

/** A uniformly random permutation of 0 … n − 1 (Fisher–Yates). */
function permutation(n: number, rng: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.nextDouble() * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

/** Pearson correlation matrix of the columns. */
function correlationMatrix(cols: readonly Float64Array[]): number[][] {
  const n = (cols[0] as Float64Array).length;
  const centred = cols.map((c) => {
    let m = 0;
    for (const x of c) m += x;
    m /= n;
    const out = new Float64Array(n);
    let ss = 0;
    for (let i = 0; i < n; i++) {
      out[i] = (c[i] as number) - m;
      ss += (out[i] as number) ** 2;
    }
    const norm = Math.sqrt(ss);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) / norm;
    return out;
  });
  return centred.map((a) =>
    centred.map((b) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
      return s;
    }),
  );
}

/** Inverse of a lower-triangular matrix. */
function invertLower(l: readonly number[][]): number[][] {
  const n = l.length;
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    (inv[i] as number[])[i] = 1 / ((l[i] as number[])[i] as number);
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++)
        s += ((l[i] as number[])[k] as number) * ((inv[k] as number[])[j] as number);
      (inv[i] as number[])[j] = -s / ((l[i] as number[])[i] as number);
    }
  }
  return inv;
}

/**
 * Reorders `columns` in place so that their Spearman correlations approach `target` (a
 * positive-definite matrix of rank correlations). Van der Waerden scores are randomly permuted
 * from the stream (seed, "correlations"), decorrelated by the Cholesky factor of their own
 * correlation and recorrelated by that of the target's Pearson equivalent, 2·sin(π·ρ/6); each
 * column then takes the rank order of its score column.
 */
export function imanConover(
  columns: readonly Float64Array[],
  target: readonly (readonly number[])[],
  seed: number,
): void {
  const k = columns.length;
  const n = (columns[0] as Float64Array).length;
  if (k < 2 || n < 3) return;
  const pearsonTarget = target.map((row) => row.map(spearmanToPearson));
  const p = cholesky(pearsonTarget);
  if (p === null) throw new RangeError("imanConover: the target matrix is not positive definite");
  const rng = streamRng(seed, "correlations", 0);
  const base = Float64Array.from({ length: n }, (_, i) => inverseNormalCdf((i + 1) / (n + 1)));
  const scores = columns.map(() => {
    const perm = permutation(n, rng);
    return Float64Array.from(perm, (i) => base[i] as number);
  });
  const e = cholesky(correlationMatrix(scores));
  if (e === null) return;
  const m = invertLower(e);
  // T = S · (P · E⁻¹)ᵀ: row r of T is (P · E⁻¹) · (row r of S).
  const pm = p.map((row) =>
    m[0]!.map((_, c) => row.reduce((s, x, q) => s + x * ((m[q] as number[])[c] as number), 0)),
  );
  const t = columns.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    for (let a = 0; a < k; a++) {
      let s = 0;
      const row = pm[a] as number[];
      for (let b = 0; b < k; b++)
        s += (row[b] as number) * ((scores[b] as Float64Array)[r] as number);
      (t[a] as Float64Array)[r] = s;
    }
  }
  columns.forEach((column, a) => {
    const sorted = Float64Array.from(column).sort();
    const rank = ranks(t[a] as Float64Array);
    for (let r = 0; r < n; r++) column[r] = sorted[Math.round(rank[r] as number) - 1] as number;
  });
}
