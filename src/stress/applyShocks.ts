// Applies stress shocks to a compiled scenario: overridden assumptions are wrapped (the original
// value moves to a new column that keeps its random draws, so baseline and shocked runs share
// every number), delayed capacity reads its schedule n quarters late, and forced defaults are
// handed to the simulation.

import type { IrNode } from "../model/ir.js";
import type { CompiledAssumption, Model } from "../model/model.js";
import type { CorrelationTarget } from "../scenario/correlations.js";
import type { CompiledSystem } from "../sim/compiledSystem.js";
import type { Shock } from "./shock.js";

/** The shocked model, system and correlation target. */
export interface Shocked {
  readonly model: Model;
  readonly system: CompiledSystem;
  /** The correlations, on the columns that now hold the wrapped assumptions' draws. */
  readonly correlation: CorrelationTarget | null;
}

const op = (name: "if" | "ge" | "mul" | "sub", args: IrNode[]): IrNode => ({
  k: "op",
  op: name,
  args,
  start: 0,
  end: 0,
});

/** `node` with the clock moved back `n` quarters (`now` → now − n, `t` → t − n). */
function delayed(node: IrNode, n: number): IrNode {
  switch (node.k) {
    case "time":
      return node.which === "year" ? node : op("sub", [node, { k: "const", value: n }]);
    case "op":
      return { ...node, args: node.args.map((a) => delayed(a, n)) };
    default:
      return node;
  }
}

/** True when `node` reads the year (which a delay cannot move without rounding). */
export function readsYear(node: IrNode): boolean {
  if (node.k === "time") return node.which === "year";
  return node.k === "op" && node.args.some(readsYear);
}

function reads(node: IrNode, timeVarying: readonly boolean[]): boolean {
  switch (node.k) {
    case "time":
      return true;
    case "column":
      return timeVarying[node.index] === true;
    case "op":
      return node.args.some((a) => reads(a, timeVarying));
    default:
      return false;
  }
}

/**
 * `model`, `system` and `correlation` under `shocks`, in order (a later shock on the same
 * assumption wraps the earlier one).
 */
export function applyShocks(
  model: Model,
  system: CompiledSystem,
  correlation: CorrelationTarget | null,
  shocks: readonly Shock[],
): Shocked {
  const drawsAt = new Map<number, number>();
  const assumptions: CompiledAssumption[] = [...model.assumptions];
  const order = [...model.evaluationOrder];
  const forced = [...system.forcedDefaults];
  const index = (name: string) => assumptions.findIndex((a) => a.name === name);
  const wrap = (i: number, shock: Extract<Shock, { kind: "set" | "scale" }>) => {
    const a = assumptions[i] as CompiledAssumption;
    const base = assumptions.length;
    assumptions.push({ ...a, name: `${a.name} (before: ${shock.text})`, key: a.key ?? a.name });
    order.splice(order.indexOf(i), 0, base);
    if (!drawsAt.has(i)) drawsAt.set(i, base);
    const original: IrNode = { k: "column", index: base };
    const value: IrNode = { k: "const", value: shock.value };
    const changed = shock.kind === "set" ? value : op("mul", [original, value]);
    const node =
      shock.from <= system.start
        ? changed
        : op("if", [
            op("ge", [
              { k: "time", which: "now" },
              { k: "const", value: shock.from },
            ]),
            changed,
            original,
          ]);
    assumptions[i] = {
      name: a.name,
      unit: a.unit,
      kind: "formula",
      node,
      timeVarying: true,
      text: shock.text,
    };
  };
  for (const shock of shocks) {
    switch (shock.kind) {
      case "set":
      case "scale":
        for (const name of shock.targets) wrap(index(name), shock);
        break;
      case "default": {
        const k = system.entities.findIndex((e) => e.id === shock.entity);
        const q = shock.at - system.start;
        forced[k] = forced[k] === -1 ? q : Math.min(forced[k] as number, q);
        break;
      }
      case "delay":
        for (const id of shock.capacity) {
          const c = system.capacity.find((x) => x.id === id);
          if (c === undefined || c.online < 0) continue;
          const a = assumptions[c.online] as CompiledAssumption;
          assumptions[c.online] = {
            ...a,
            node: delayed(a.node, shock.quarters),
            timeVarying: true,
            text: `${a.text} (${shock.text})`,
          };
        }
        break;
      default:
        shock satisfies never;
    }
  }
  const timeVarying = assumptions.map((a) => a.timeVarying);
  for (const i of order) {
    const a = assumptions[i] as CompiledAssumption;
    if (!timeVarying[i] && reads(a.node, timeVarying)) {
      timeVarying[i] = true;
      assumptions[i] = { ...a, timeVarying: true };
    }
  }
  return {
    model: { assumptions, evaluationOrder: order },
    system: { ...system, forcedDefaults: forced },
    correlation:
      correlation === null
        ? null
        : { ...correlation, columns: correlation.columns.map((c) => drawsAt.get(c) ?? c) },
  };
}
