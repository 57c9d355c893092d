// Shared types of the lowering step (syntax tree → compiled nodes with units).

import type { Span } from "../expr/ast.js";
import type { Diagnostic } from "../scenario/diagnostic.js";
import type { Unit } from "../units/unit.js";
import type { IrNode } from "./ir.js";

/** A compiled node and its unit; `null` when an error was already reported for it. */
export type Typed = { readonly node: IrNode; readonly unit: Unit } | null;

/** What lowering one assumption's value needs to know. */
export interface LowerContext {
  /** The assumption being lowered. */
  readonly name: string;
  /** Offset in the file of the value text's first character. */
  readonly offset: number;
  /** Whether references are allowed (the value is a formula). */
  readonly formula: boolean;
  /** Assumptions compiled so far: column index and unit. */
  readonly columns: ReadonlyMap<string, { readonly index: number; readonly unit: Unit }>;
  /** Where problems are collected. */
  readonly problems: Diagnostic[];
}

/** Records a problem at a span of the value text; returns `null` for convenient propagation. */
export function report(ctx: LowerContext, code: string, message: string, span: Span): null {
  ctx.problems.push({ code, message, start: ctx.offset + span.start, end: ctx.offset + span.end });
  return null;
}

/** True when the compiled node is the constant 0 (which fits any unit, see commonUnit). */
export function isZero(t: { readonly node: IrNode }): boolean {
  return t.node.k === "const" && t.node.value === 0;
}
