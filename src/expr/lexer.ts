// Splits a value's text into tokens: quantity literals, quarter labels (2026Q3, read as the
// quarter's index, comparable with `now`), names, operators and punctuation. On request, names
// may be dotted (`openai.cash`, `oracle-stargate.online`: the assumptions of the loop's fields).

import { readLiteral } from "../units/literal.js";
import { PLAIN, type Unit } from "../units/unit.js";
import type { Span, SyntaxProblem } from "./ast.js";

/** A token with its span. */
export type Token =
  | { readonly kind: "literal"; readonly value: number; readonly unit: Unit; readonly span: Span }
  | { readonly kind: "name"; readonly text: string; readonly span: Span }
  | { readonly kind: "punct"; readonly text: string; readonly span: Span }
  | { readonly kind: "end"; readonly span: Span };

const PUNCT = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "<", ">", "(", ")", "[", "]", ","];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** A name with dotted parts; its first part may hold `-` (an id) when a dot follows. */
const DOTTED_NAME = /[A-Za-z_][A-Za-z0-9_]*(?:(?:-[A-Za-z0-9_]+)*\.[A-Za-z_][A-Za-z0-9_]*)+/y;
const QUARTER = /(\d{4})Q([1-4])(?![A-Za-z0-9_])/y;

/** Options of the lexer. */
export interface LexOptions {
  /** Read `a.b` and `id-x.b` as one name (output formulas may name the loop's fields). */
  readonly dottedNames?: boolean;
}

/** The tokens of `text`, or the first problem found. */
export function tokenize(
  text: string,
  options: LexOptions = {},
): { tokens: Token[] } | { problem: SyntaxProblem } {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      pos++;
      continue;
    }
    QUARTER.lastIndex = pos;
    const quarter = QUARTER.exec(text);
    if (quarter !== null) {
      const value = Number(quarter[1]) * 4 + Number(quarter[2]) - 1;
      const span = { start: pos, end: pos + quarter[0].length };
      tokens.push({ kind: "literal", value, unit: PLAIN, span });
      pos = span.end;
      continue;
    }
    const literal = readLiteral(text, pos);
    if (literal !== null) {
      const span = { start: pos, end: pos + literal.length };
      if ("problem" in literal) return { problem: { message: literal.problem, span } };
      const next = text[span.end];
      if (next !== undefined && /[A-Za-z0-9_$.]/.test(next)) {
        const tail = /[A-Za-z0-9_$.]*/y;
        tail.lastIndex = span.end;
        const rest = tail.exec(text)?.[0] ?? "";
        return {
          problem: {
            message: `"${text.slice(pos, span.end + rest.length)}" is not a number: expected a literal such as 700M, $10B, 3%, 10 GW or 1.5e9`,
            span: { start: pos, end: span.end + rest.length },
          },
        };
      }
      tokens.push({ kind: "literal", value: literal.value, unit: literal.unit, span });
      pos = span.end;
      continue;
    }
    DOTTED_NAME.lastIndex = pos;
    NAME.lastIndex = pos;
    const name = (options.dottedNames === true ? DOTTED_NAME.exec(text) : null) ?? NAME.exec(text);
    if (name !== null) {
      const end = pos + name[0].length;
      tokens.push({ kind: "name", text: name[0], span: { start: pos, end } });
      pos = end;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, pos));
    if (punct !== undefined) {
      tokens.push({ kind: "punct", text: punct, span: { start: pos, end: pos + punct.length } });
      pos += punct.length;
      continue;
    }
    const hint = ch === "=" ? ' (use "==" to compare; a formula starts with a single "=")' : "";
    return {
      problem: {
        message: `unexpected character "${ch}"${hint}`,
        span: { start: pos, end: pos + 1 },
      },
    };
  }
  tokens.push({ kind: "end", span: { start: text.length, end: text.length } });
  return { tokens };
}
