// parseExpression: precedence, intervals, errors at the right place, and robustness on any input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/expr/ast.js";
import { MAX_NESTING, parseExpression } from "../../src/expr/parser.js";

/** The tree in a compact prefix form, for readable expectations. */
function show(e: Expr): string {
  switch (e.type) {
    case "literal":
      return String(e.value);
    case "ref":
      return e.name;
    case "neg":
      return `(neg ${show(e.arg)})`;
    case "binary":
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case "interval":
      return `(to ${show(e.lo)} ${show(e.hi)})`;
    case "call":
      return `(${e.name} ${e.args.map(show).join(" ")})`;
    case "list":
      return `[${e.items.map(show).join(" ")}]`;
  }
}

function tree(text: string): string {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.problem.message);
  return show(r.expr);
}

describe("parseExpression", () => {
  it.each([
    ["a + b * c", "(+ a (* b c))"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["a - b - c", "(- (- a b) c)"],
    ["-2^2", "(neg (^ 2 2))"],
    ["2^3^2", "(^ 2 (^ 3 2))"],
    ["a < b + 1", "(< a (+ b 1))"],
    ["2% to 4%", "(to 0.02 0.04)"],
    ["if(a >= 0, a, 0)", "(if (>= a 0) a 0)"],
    ["discrete([1, 2], [0.5, 0.5])", "(discrete [1 2] [0.5 0.5])"],
    [
      "users * paying_share * arpu + enterprise - compute",
      "(- (+ (* (* users paying_share) arpu) enterprise) compute)",
    ],
  ])("parses %s as %s", (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it.each([
    ["1 to", 2, '"A to B" is missing its upper end B'],
    ["(a + b", 6, 'expected ")" to close the parenthesis, found the end of the value'],
    ["a b", 2, 'unexpected "b": expected an operator or the end of the value'],
    ["3Mx", 0, '"3Mx" is not a number'],
    ["a = b", 2, 'unexpected character "="'],
    ["$5%", 0, "mixes money with a percentage"],
  ])("reports %s at offset %d", (text, start, message) => {
    const r = parseExpression(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.span.start).toBe(start);
    expect(r.problem.message).toContain(message);
  });

  it("refuses nesting deeper than MAX_NESTING instead of overflowing the stack", () => {
    const r = parseExpression(`${"(".repeat(MAX_NESTING + 5)}1${")".repeat(MAX_NESTING + 5)}`);
    expect(r.ok).toBe(false);
  });

  it("never throws or hangs on random input", () => {
    const alphabet = fc.constantFrom(..."0123456789.$%kMBTGW eE+-*/^()[],<>=!abto_xyz\t".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const r = parseExpression(chars.join(""));
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => typeof parseExpression(s).ok === "boolean"),
      { numRuns: 2000 },
    );
  });
});
