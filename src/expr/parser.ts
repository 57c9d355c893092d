// A recursive-descent parser for scenario values. It never evaluates anything: it only builds a
// tree (no eval, no Function), and it stops with a problem instead of throwing on bad input.
//
// Precedence, lowest first: `A to B`; comparisons (< <= > >= == !=); + -; * /; unary -; ^ (right
// associative, so -2^2 = -4 and 2^3^2 = 512); calls, lists [a, b], parentheses.

import type { BinaryOp, Expr, Span, SyntaxProblem } from "./ast.js";
import { type LexOptions, type Token, tokenize } from "./lexer.js";

/** Deepest nesting of parentheses, lists and calls accepted (guards the call stack). */
export const MAX_NESTING = 100;

class ParseError {
  constructor(readonly problem: SyntaxProblem) {}
}

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the value";
    case "literal":
      return "a number";
    case "name":
      return `"${token.text}"`;
    case "punct":
      return `"${token.text}"`;
    default:
      return token satisfies never;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expr {
    const expr = this.interval();
    const next = this.peek();
    if (next.kind !== "end") {
      this.fail(
        `unexpected ${describe(next)}: expected an operator or the end of the value`,
        next.span,
      );
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.pos++;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.kind === "punct" && token.text === text;
  }

  private expectPunct(text: string, what: string): Token {
    const token = this.peek();
    if (token.kind === "punct" && token.text === text) return this.take();
    return this.fail(`expected "${text}" ${what}, found ${describe(token)}`, token.span);
  }

  private fail(message: string, span: Span): never {
    throw new ParseError({ message, span });
  }

  private enter(span: Span): void {
    this.depth++;
    if (this.depth > MAX_NESTING) this.fail(`nesting deeper than ${MAX_NESTING} levels`, span);
  }

  private interval(): Expr {
    const lo = this.comparison();
    const token = this.peek();
    if (token.kind === "name" && token.text === "to") {
      this.take();
      if (this.peek().kind === "end") {
        this.fail('"A to B" is missing its upper end B', token.span);
      }
      const hi = this.comparison();
      return { type: "interval", lo, hi, span: { start: lo.span.start, end: hi.span.end } };
    }
    return lo;
  }

  private comparison(): Expr {
    let left = this.additive();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "punct" || !COMPARISONS.has(token.text)) return left;
      this.take();
      const right = this.additive();
      left = this.binary(token.text as BinaryOp, left, right);
    }
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "punct" || (token.text !== "+" && token.text !== "-")) return left;
      this.take();
      left = this.binary(token.text, left, this.multiplicative());
    }
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token.kind !== "punct" || (token.text !== "*" && token.text !== "/")) return left;
      this.take();
      left = this.binary(token.text, left, this.unary());
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === "punct" && (token.text === "-" || token.text === "+")) {
      this.take();
      this.enter(token.span);
      const arg = this.unary();
      this.depth--;
      if (token.text === "+") return arg;
      return { type: "neg", arg, span: { start: token.span.start, end: arg.span.end } };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isPunct("^")) return base;
    const caret = this.take();
    this.enter(caret.span);
    const exponent = this.unary();
    this.depth--;
    return this.binary("^", base, exponent);
  }

  private binary(op: BinaryOp, left: Expr, right: Expr): Expr {
    return {
      type: "binary",
      op,
      left,
      right,
      span: { start: left.span.start, end: right.span.end },
    };
  }

  private primary(): Expr {
    const token = this.take();
    switch (token.kind) {
      case "literal":
        return { type: "literal", value: token.value, unit: token.unit, span: token.span };
      case "name":
        if (this.isPunct("(")) return this.call(token.text, token.span);
        if (token.text === "to") this.fail('"A to B" is missing its lower end A', token.span);
        return { type: "ref", name: token.text, span: token.span };
      case "punct":
        if (token.text === "(") {
          this.enter(token.span);
          const inner = this.interval();
          this.expectPunct(")", "to close the parenthesis");
          this.depth--;
          return inner;
        }
        if (token.text === "[") return this.list(token.span);
        return this.fail(`unexpected ${describe(token)}: expected a value`, token.span);
      case "end":
        return this.fail("expected a value, found the end of the text", token.span);
      default:
        return token satisfies never;
    }
  }

  private items(close: string, what: string, open: Span): Expr[] {
    this.enter(open);
    const items: Expr[] = [];
    if (!this.isPunct(close)) {
      for (;;) {
        items.push(this.interval());
        if (!this.isPunct(",")) break;
        this.take();
      }
    }
    this.expectPunct(close, what);
    this.depth--;
    return items;
  }

  private call(name: string, nameSpan: Span): Expr {
    const open = this.take();
    const args = this.items(")", `to close the arguments of ${name}(…)`, open.span);
    const end = this.tokens[this.pos - 1]?.span.end ?? nameSpan.end;
    return { type: "call", name, nameSpan, args, span: { start: nameSpan.start, end } };
  }

  private list(open: Span): Expr {
    const items = this.items("]", "to close the list", open);
    const end = this.tokens[this.pos - 1]?.span.end ?? open.end;
    return { type: "list", items, span: { start: open.start, end } };
  }
}

/** The parse of a value: a tree, or the first problem found. */
export type ParseResult =
  | { readonly ok: true; readonly expr: Expr }
  | { readonly ok: false; readonly problem: SyntaxProblem };

/**
 * Parses a value's text (without the leading `=` of a formula).
 *
 * @example parseExpression("users * paying_share * arpu") // ok, a tree of two products
 */
export function parseExpression(text: string, options: LexOptions = {}): ParseResult {
  const lexed = tokenize(text, options);
  if ("problem" in lexed) return { ok: false, problem: lexed.problem };
  if (lexed.tokens.length === 1) {
    return {
      ok: false,
      problem: { message: "the value is empty", span: { start: 0, end: text.length } },
    };
  }
  try {
    return { ok: true, expr: new Parser(lexed.tokens).parseAll() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: error.problem };
    throw error;
  }
}
