// The compiled form of an assumption's value: a tree of constants, references to other
// assumptions' columns, random draws and operations. Spans are offsets in the scenario file.

import type { Distribution } from "../dist/distribution.js";

/** Operations evaluated sample by sample. */
export type OpCode =
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "pow"
  | "neg"
  | "lt"
  | "le"
  | "gt"
  | "ge"
  | "eq"
  | "ne"
  | "min"
  | "max"
  | "abs"
  | "exp"
  | "log"
  | "sqrt"
  | "clamp"
  | "if";

/** Names of the clock variables formulas may use. */
export const TIME_VARIABLES = ["t", "now", "year"] as const;

/** A clock variable. */
export type TimeVariable = (typeof TIME_VARIABLES)[number];

/** A node of a compiled value. */
export type IrNode =
  | { readonly k: "const"; readonly value: number }
  | { readonly k: "column"; readonly index: number }
  /** The simulation clock: `t` (quarters since the start), `now` (quarter index), `year`. */
  | { readonly k: "time"; readonly which: TimeVariable }
  | {
      readonly k: "random";
      readonly dist: Distribution;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly k: "op";
      readonly op: OpCode;
      readonly args: readonly IrNode[];
      readonly start: number;
      readonly end: number;
    };
