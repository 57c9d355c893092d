// Lowers a step schedule {2026Q3: 1 GW, 2027Q4: 4.5 GW}: each value holds from its quarter on,
// 0 before the first. Compiled to nested if(now >= quarter, value, earlier) nodes.

import { commonUnit, type Unit } from "../units/unit.js";
import type { ValuePart } from "./compileAssumptions.js";
import type { IrNode } from "./ir.js";
import { lowerExpr } from "./lowerExpr.js";
import { isZero, type LowerContext, mismatch, op, type Typed } from "./lowering.js";

/** Lowers the steps of a schedule (in quarter order) into one clock-dependent node. */
export function lowerSchedule(
  parts: readonly ValuePart[],
  ctx: (offset: number) => LowerContext,
): Typed {
  let node: IrNode = { k: "const", value: 0 };
  let unit: Unit | null = null;
  let zero = true;
  for (const part of parts) {
    const c = ctx(part.offset);
    const typed = lowerExpr(part.expr, c);
    if (typed === null) return null;
    const common: Unit | null =
      unit === null ? typed.unit : commonUnit(unit, zero, typed.unit, isZero(typed));
    if (common === null) return mismatch("a schedule", unit as Unit, typed.unit, part.expr.span, c);
    unit = common;
    zero = zero && isZero(typed);
    const due = op(
      "ge",
      [
        { k: "time", which: "now" },
        { k: "const", value: part.quarter ?? 0 },
      ],
      part.expr.span,
      c,
    );
    node = op("if", [due, typed.node, node], part.expr.span, c);
  }
  return unit === null ? null : { node, unit };
}
