// Splits a shock of `perpetuum stress` into tokens (names, quarters such as 2026Q3, delays such
// as 2q, literals with units, punctuation), each with its offsets so that problems point at
// their column; a character that starts no token is a shock-syntax diagnostic.

import type { Diagnostic } from "../scenario/diagnostic.js";
import { parseQuarter } from "../scenario/quarter.js";
import { readLiteral } from "../units/literal.js";
import type { Unit } from "../units/unit.js";

/** A token of the shock language, with its offsets. */
export interface Token {
  /** A name, a quarter, a delay in quarters, a literal, punctuation or the end. */
  readonly kind: "name" | "quarter" | "duration" | "literal" | "punct" | "end";
  /** The token as written. */
  readonly text: string;
  /** Offset of its first character in the shock. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
  /** A quarter's index, a delay's quarters or a literal's value (base units). */
  readonly value?: number;
  /** A literal's unit. */
  readonly unit?: Unit;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const QUARTER = /\d{4}Q[1-4](?![A-Za-z0-9_])/y;
const DURATION = /(\d+)\s*q(?![A-Za-z0-9_])/y;

/** The tokens of `text`, ending with an `end` token, or the diagnostic of its first bad character. */
export function tokenize(text: string): Token[] | Diagnostic {
  const tokens: Token[] = [];
  let i = 0;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if ("()=*,".includes(c)) {
      tokens.push({ kind: "punct", text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const quarter = sticky(QUARTER);
    if (quarter !== null) {
      const q = parseQuarter(quarter[0]) as number;
      tokens.push({
        kind: "quarter",
        text: quarter[0],
        start: i,
        end: i + quarter[0].length,
        value: q,
      });
      i += quarter[0].length;
      continue;
    }
    const duration = sticky(DURATION);
    if (duration !== null) {
      const n = Number(duration[1]);
      tokens.push({
        kind: "duration",
        text: duration[0],
        start: i,
        end: i + duration[0].length,
        value: n,
      });
      i += duration[0].length;
      continue;
    }
    const name = sticky(NAME);
    if (name !== null) {
      tokens.push({ kind: "name", text: name[0], start: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    const literal = readLiteral(text, i);
    if (literal !== null && "problem" in literal)
      return { code: "shock-syntax", message: literal.problem, start: i, end: i + literal.length };
    if (literal !== null) {
      tokens.push({
        kind: "literal",
        text: text.slice(i, i + literal.length),
        start: i,
        end: i + literal.length,
        value: literal.value,
        unit: literal.unit,
      });
      i += literal.length;
      continue;
    }
    return { code: "shock-syntax", message: `unexpected "${c}"`, start: i, end: i + 1 };
  }
  tokens.push({ kind: "end", text: "", start: text.length, end: text.length });
  return tokens;
}
