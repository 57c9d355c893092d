// Flattens a lowered output formula into steps in evaluation order: leaves become recording
// reads, `firstQuarter` a nested program, operations steps over registers.

import type { IrNode } from "../model/ir.js";
import type { Program, Step } from "./outputsPlan.js";
import type { Leaf } from "./resolveContext.js";

/**
 * The program computing `root`. Column k of the tree is leaf k; `bodies` holds the lowered
 * condition of each `firstQuarter` leaf, by leaf index.
 */
export function emitProgram(
  root: IrNode,
  leaves: readonly Leaf[],
  bodies: ReadonlyMap<number, IrNode>,
): Program {
  const steps: Step[] = [];
  const push = (step: Step): number => steps.push(step) - 1;
  const emit = (node: IrNode): number => {
    switch (node.k) {
      case "const":
        return push({ k: "const", value: node.value });
      case "time":
        return push({ k: "time", which: node.which });
      case "column": {
        const leaf = leaves[node.index] as Leaf;
        if (leaf.k !== "first") return push(leaf);
        const body = emitProgram(bodies.get(node.index) as IrNode, leaves, bodies);
        return push({ k: "first", body, start: leaf.start, end: leaf.end });
      }
      case "op": {
        const args = node.args.map(emit);
        return push({ k: "op", op: node.op, args, start: node.start, end: node.end });
      }
      case "random":
        throw new Error("an output formula cannot draw (resolveOutput refuses distributions)");
      default:
        return node satisfies never;
    }
  };
  const result = emit(root);
  return { steps, result };
}
