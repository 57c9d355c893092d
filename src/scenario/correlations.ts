// Checks the correlations section against the compiled model and turns it into the target
// matrix of the uncertain columns it names.

import { cholesky } from "../analysis/cholesky.js";
import { spearmanToPearson } from "../analysis/imanConover.js";
import type { Model } from "../model/model.js";
import type { Diagnostic } from "./diagnostic.js";
import { didYouMean } from "./suggest.js";

/** One pair as written, with positions. */
export interface CorrelationSource {
  /** The two assumptions' names. */
  readonly a: string;
  readonly b: string;
  /** Target rank correlation. */
  readonly rho: number;
  /** Offsets of the pair in the file. */
  readonly start: number;
  readonly end: number;
}

/** Target rank correlations among some columns of a model. */
export interface CorrelationTarget {
  /** Column indices, in the matrix's order. */
  readonly columns: readonly number[];
  /** Rank-correlation matrix (symmetric, ones on the diagonal). */
  readonly matrix: readonly (readonly number[])[];
}

/**
 * The target matrix, or the problems: unknown names, values that are not uncertain, a pair of a
 * value with itself or given twice, and matrices that no joint distribution can have (not
 * positive definite), naming the triples that conflict.
 */
export function compileCorrelations(
  pairs: readonly CorrelationSource[],
  model: Model,
): { target: CorrelationTarget | null; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const names = model.assumptions.map((x) => x.name);
  const columns: number[] = [];
  const seen = new Set<string>();
  const valid: Array<[number, number, number]> = [];
  for (const pair of pairs) {
    const at = { start: pair.start, end: pair.end };
    const index = (name: string): number | null => {
      const i = names.indexOf(name);
      if (i < 0) {
        problems.push({
          code: "unknown-reference",
          message: `unknown name "${name}"${didYouMean(name, names)} in correlations`,
          ...at,
        });
        return null;
      }
      if (model.assumptions[i]?.kind !== "uncertain") {
        problems.push({
          code: "not-uncertain",
          message: `"${name}" is not an uncertain value: correlations apply to values drawn from a distribution (such as 2% to 4%)`,
          ...at,
        });
        return null;
      }
      return i;
    };
    const a = index(pair.a);
    const b = index(pair.b);
    if (a === null || b === null) continue;
    if (a === b) {
      problems.push({
        code: "self-correlation",
        message: `"${pair.a}" is correlated with itself`,
        ...at,
      });
      continue;
    }
    const key = [pair.a, pair.b].sort().join("|");
    if (seen.has(key)) {
      problems.push({
        code: "duplicate-correlation",
        message: `the correlation of "${pair.a}" and "${pair.b}" is given twice`,
        ...at,
      });
      continue;
    }
    seen.add(key);
    for (const c of [a, b]) if (!columns.includes(c)) columns.push(c);
    valid.push([a, b, pair.rho]);
  }
  if (problems.length > 0 || columns.length === 0) return { target: null, problems };
  const matrix = columns.map((_, i) => columns.map((__, j) => (i === j ? 1 : 0)));
  for (const [a, b, rho] of valid) {
    const i = columns.indexOf(a);
    const j = columns.indexOf(b);
    (matrix[i] as number[])[j] = rho;
    (matrix[j] as number[])[i] = rho;
  }
  if (cholesky(matrix.map((row) => row.map(spearmanToPearson))) !== null)
    return { target: { columns, matrix }, problems };
  const conflicts: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      for (let k = j + 1; k < columns.length; k++) {
        const sub = [i, j, k].map((r) =>
          [i, j, k].map((c) => spearmanToPearson((matrix[r] as number[])[c] as number)),
        );
        if (cholesky(sub) === null)
          conflicts.push([i, j, k].map((x) => names[columns[x] as number]).join(", "));
      }
    }
  }
  const first = pairs[0] as CorrelationSource;
  const which =
    conflicts.length > 0
      ? `these cannot hold together: ${conflicts.map((c) => `{${c}}`).join("; ")}`
      : "lower some of them";
  problems.push({
    code: "not-positive-definite",
    message: `the correlations are inconsistent (the matrix is not positive definite); ${which}`,
    start: first.start,
    end: first.end,
  });
  return { target: null, problems };
}
