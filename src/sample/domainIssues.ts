// Samples whose value is not a finite number, traced to the operation that produced them, so that
// a user learns "division by zero in 37 of 10,000 samples" instead of seeing NaN in a table.

import type { OpCode } from "../model/ir.js";
import type { Diagnostic } from "../scenario/diagnostic.js";

/** Why a sample's value is not a finite number. */
export type DomainReason = "division-by-zero" | "log-domain" | "sqrt-domain" | "not-finite";

/**
 * Why `op` gave a value that is not finite from the finite arguments `args`.
 *
 * @example domainReason("div", [1, 0]) // "division-by-zero"
 */
export function domainReason(op: OpCode | "sample", args: readonly number[]): DomainReason {
  if (op === "div" && args[1] === 0) return "division-by-zero";
  if (op === "log" && (args[0] as number) <= 0) return "log-domain";
  if (op === "sqrt" && (args[0] as number) < 0) return "sqrt-domain";
  return "not-finite";
}

/** Non-finite samples traced to one place in the scenario. */
export interface DomainIssue {
  /** Why. */
  readonly reason: DomainReason;
  /** File offsets of the operation. */
  readonly start: number;
  /** End offset of the operation. */
  readonly end: number;
  /** Samples affected. */
  count: number;
  /** Index of the first affected sample. */
  first: number;
}

/** Collects domain issues by place, as blocks are evaluated. */
export class DomainIssues {
  private readonly byPlace = new Map<string, DomainIssue>();

  /** Records that sample `index` went wrong at [start, end) for `reason`. */
  add(reason: DomainReason, start: number, end: number, index: number): void {
    const key = `${start}:${end}:${reason}`;
    const issue = this.byPlace.get(key);
    if (issue === undefined) this.byPlace.set(key, { reason, start, end, count: 1, first: index });
    else {
      issue.count++;
      issue.first = Math.min(issue.first, index);
    }
  }

  /** Merges issues collected elsewhere (another worker's blocks). */
  merge(other: readonly DomainIssue[]): void {
    for (const issue of other) {
      const key = `${issue.start}:${issue.end}:${issue.reason}`;
      const mine = this.byPlace.get(key);
      if (mine === undefined) this.byPlace.set(key, { ...issue });
      else {
        mine.count += issue.count;
        mine.first = Math.min(mine.first, issue.first);
      }
    }
  }

  /** Every issue recorded. */
  list(): DomainIssue[] {
    return [...this.byPlace.values()];
  }
}

const WHAT: Readonly<Record<DomainReason, string>> = {
  "division-by-zero": "division by zero",
  "log-domain": "log of a value ≤ 0",
  "sqrt-domain": "square root of a negative value",
  "not-finite": "a result that is not a finite number (overflow or NaN)",
};

/** Diagnostics for domain issues, with counts out of `samples`. */
export function domainDiagnostics(issues: readonly DomainIssue[], samples: number): Diagnostic[] {
  return issues.map((issue) => ({
    code: issue.reason,
    message: `${WHAT[issue.reason]} in ${issue.count.toLocaleString("en-US")} of ${samples.toLocaleString("en-US")} samples (first: sample ${issue.first}); guard it, e.g. with if(…) or max(…), or change the distribution`,
    start: issue.start,
    end: issue.end,
  }));
}
