// The syntax tree of a scenario value: literals, references, operators, `A to B` intervals,
// function and distribution calls. Spans are character offsets into the value's text.

import type { Unit } from "../units/unit.js";

/** A half-open range of character offsets `[start, end)` in the text that was parsed. */
export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** Binary operators, lowest precedence first within each group. */
export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "<" | "<=" | ">" | ">=" | "==" | "!=";

/** An expression node. */
export type Expr =
  | { readonly type: "literal"; readonly value: number; readonly unit: Unit; readonly span: Span }
  | { readonly type: "ref"; readonly name: string; readonly span: Span }
  | { readonly type: "neg"; readonly arg: Expr; readonly span: Span }
  | {
      readonly type: "binary";
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: Span;
    }
  | { readonly type: "interval"; readonly lo: Expr; readonly hi: Expr; readonly span: Span }
  | {
      readonly type: "call";
      readonly name: string;
      readonly nameSpan: Span;
      readonly args: readonly Expr[];
      readonly span: Span;
    }
  | { readonly type: "list"; readonly items: readonly Expr[]; readonly span: Span };

/** A syntax error at a span of the parsed text. */
export interface SyntaxProblem {
  /** What is wrong and what was expected. */
  readonly message: string;
  /** Where. */
  readonly span: Span;
}
