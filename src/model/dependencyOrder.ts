// Orders assumptions so that each comes after the ones its formula refers to, reporting unknown
// names (with "did you mean") and reference cycles (`a -> b -> c -> a`).

import type { Expr, Span } from "../expr/ast.js";
import type { Diagnostic } from "../scenario/diagnostic.js";
import { didYouMean } from "../scenario/suggest.js";
import { TIME_VARIABLES } from "./ir.js";
import { CHIP_FUNCTIONS } from "./lowerChip.js";

/** One assumption's references, in the order they appear. */
export interface References {
  /** The assumption's name. */
  readonly name: string;
  /** File offset of the value text (spans below are relative to it). */
  readonly offset: number;
  /** Referenced names and where (relative to `offset`, or to the reference's own offset). */
  readonly refs: ReadonlyArray<{
    readonly name: string;
    readonly span: Span;
    readonly offset?: number;
  }>;
}

/** Every reference in `expr`, in source order. */
export function collectReferences(
  expr: Expr,
  out: { name: string; span: Span }[] = [],
): { name: string; span: Span }[] {
  switch (expr.type) {
    case "literal":
      break;
    case "ref":
      out.push({ name: expr.name, span: expr.span });
      break;
    case "neg":
      collectReferences(expr.arg, out);
      break;
    case "binary":
      collectReferences(expr.left, out);
      collectReferences(expr.right, out);
      break;
    case "interval":
      collectReferences(expr.lo, out);
      collectReferences(expr.hi, out);
      break;
    case "call":
    case "list": {
      if (expr.type === "call" && expr.name in CHIP_FUNCTIONS) break;
      const items = expr.type === "call" ? expr.args : expr.items;
      for (const item of items) collectReferences(item, out);
      break;
    }
    default:
      expr satisfies never;
  }
  return out;
}

const NOT_NUMBERS = new Set(["NaN", "nan", "Infinity", "inf"]);

/**
 * The order in which to evaluate `items` (indices into it); names in cycles or with unknown
 * references are left out, and each problem is added to `problems`.
 */
export function dependencyOrder(items: readonly References[], problems: Diagnostic[]): number[] {
  const index = new Map(items.map((item, i) => [item.name, i]));
  const at = (item: References, ref: { span: Span; offset?: number }) => ({
    start: (ref.offset ?? item.offset) + ref.span.start,
    end: (ref.offset ?? item.offset) + ref.span.end,
  });
  const broken = new Set<number>();
  for (const [i, item] of items.entries()) {
    for (const ref of item.refs) {
      if (index.has(ref.name) || (TIME_VARIABLES as readonly string[]).includes(ref.name)) continue;
      broken.add(i);
      const message = NOT_NUMBERS.has(ref.name)
        ? `${ref.name} is not a number perpetuum accepts: expected a finite value`
        : `unknown name "${ref.name}"${didYouMean(ref.name, index.keys())}: it is not an assumption of this scenario`;
      problems.push({
        code: NOT_NUMBERS.has(ref.name) ? "not-finite" : "unknown-reference",
        message,
        ...at(item, ref),
      });
    }
  }
  const state = new Uint8Array(items.length); // 0 new, 1 on the stack, 2 done
  const order: number[] = [];
  const stack: number[] = [];
  const visit = (i: number): boolean => {
    if (state[i] === 2) return !broken.has(i);
    if (state[i] === 1) {
      const cycle = [...stack.slice(stack.indexOf(i)), i].map((j) => (items[j] as References).name);
      const first = items[i] as References;
      const next = cycle[1] as string;
      const ref = first.refs.find((r) => r.name === next) as { span: Span; offset?: number };
      problems.push({
        code: "cycle",
        message: `reference cycle: ${cycle.join(" -> ")}`,
        ...at(first, ref),
      });
      for (const j of stack.slice(stack.indexOf(i))) broken.add(j);
      return false;
    }
    state[i] = 1;
    stack.push(i);
    let ok = !broken.has(i);
    for (const ref of (items[i] as References).refs) {
      const j = index.get(ref.name);
      if (j !== undefined && !visit(j)) ok = false;
    }
    stack.pop();
    state[i] = 2;
    if (!ok) broken.add(i);
    else order.push(i);
    return ok;
  };
  for (let i = 0; i < items.length; i++) visit(i);
  return order;
}
