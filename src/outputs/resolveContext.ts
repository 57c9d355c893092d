// What resolving one output formula needs and collects: the scenario's names and horizon, the
// values read so far (each standing in the formula as a column named `#k`) and the problems.

import type { Expr, Span } from "../expr/ast.js";
import type { Diagnostic } from "../scenario/diagnostic.js";
import type { Unit } from "../units/unit.js";
import type { Step } from "./outputsPlan.js";
import type { Recording } from "./recording.js";

/** A value a formula reads: a step, or a `firstQuarter` whose condition is still to be lowered. */
export type Leaf =
  | Extract<Step, { readonly k: "series" | "assumption" | "defaulted" | "defaultQuarter" }>
  | { readonly k: "first"; readonly body: Expr; readonly start: number; readonly end: number };

/** The state of resolving one output's formula. */
export interface ResolveContext {
  /** The formula's text (without `=`). */
  readonly text: string;
  /** Offset of `text` in the file. */
  readonly offset: number;
  /** The scenario's first quarter (index). */
  readonly start: number;
  /** The scenario's horizon in quarters. */
  readonly quarters: number;
  /** Entity ids, in file order. */
  readonly entities: readonly string[];
  /** The model's assumptions: column and unit by name. */
  readonly assumptions: ReadonlyMap<string, { readonly index: number; readonly unit: Unit }>;
  /** Names of all outputs (they cannot be read by other outputs). */
  readonly outputs: ReadonlySet<string>;
  /** What the run must record, shared by every output. */
  readonly recording: Recording;
  /** Values read by this formula; leaf k stands in the formula as the column `#k`. */
  readonly leaves: Leaf[];
  /** Column and unit of each leaf, by its name `#k` (the columns lowering sees). */
  readonly columns: Map<string, { readonly index: number; readonly unit: Unit }>;
  /** Where problems are collected. */
  readonly problems: Diagnostic[];
}

/** Records a problem at a span of the formula; returns `null` for convenient propagation. */
export function problem(ctx: ResolveContext, code: string, message: string, span: Span): null {
  ctx.problems.push({ code, message, start: ctx.offset + span.start, end: ctx.offset + span.end });
  return null;
}

/** Adds a leaf of unit `unit`, and returns the reference that stands for it in the formula. */
export function addLeaf(ctx: ResolveContext, leaf: Leaf, unit: Unit, span: Span): Expr {
  const index = ctx.leaves.push(leaf) - 1;
  const name = `#${index}`;
  ctx.columns.set(name, { index, unit });
  return { type: "ref", name, span };
}

/** File offsets of a span of the formula, for a step. */
export function place(ctx: ResolveContext, span: Span): { start: number; end: number } {
  return { start: ctx.offset + span.start, end: ctx.offset + span.end };
}
