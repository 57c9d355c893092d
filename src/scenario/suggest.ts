// "Did you mean …?" hints: the closest known name to a misspelt one.

import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `name` by edit distance, if it is close enough to be a likely typo
 * (at most a third of the name's length, rounded up, and at most 3 edits).
 *
 * @example suggest("paying_shar", ["paying_share", "users"]) // "paying_share"
 */
export function suggest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const limit = Math.min(3, Math.max(1, Math.ceil(name.length / 3)));
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** ` (did you mean "x"?)` when a close candidate exists, else the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hint = suggest(name, candidates);
  return hint === null ? "" : ` (did you mean "${hint}"?)`;
}
