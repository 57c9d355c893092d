// Which assumptions a value depends on, directly or through others.

import type { IrNode } from "../model/ir.js";
import type { Model } from "../model/model.js";

/**
 * Indices of every assumption that `index` depends on (not itself), in evaluation order.
 *
 * @example dependencies(model, profitIndex) // users, paying_share, arpu, enterprise, compute
 */
export function dependencies(model: Model, index: number): number[] {
  const found = new Set<number>();
  const visit = (node: IrNode): void => {
    if (node.k === "column") {
      if (found.has(node.index)) return;
      found.add(node.index);
      const a = model.assumptions[node.index];
      if (a) visit(a.node);
    } else if (node.k === "op") {
      for (const arg of node.args) visit(arg);
    }
  };
  const root = model.assumptions[index];
  if (root) visit(root.node);
  return model.evaluationOrder.filter((i) => found.has(i));
}
