// printQuantity / readLiteral: literal parse → print → parse round trip, and known spellings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../src/expr/parser.js";
import { formatQuantity } from "../../src/units/formatQuantity.js";
import { printQuantity } from "../../src/units/printQuantity.js";
import { MONEY, PERCENT, PLAIN, POWER, type Unit } from "../../src/units/unit.js";

/** Reads a printed literal back through the real expression parser (unary minus included). */
function readBack(text: string): { value: number; unit: Unit } {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.message}`);
  const e = parsed.expr;
  if (e.type === "literal") return { value: e.value, unit: e.unit };
  if (e.type === "neg" && e.arg.type === "literal")
    return { value: -e.arg.value, unit: e.arg.unit };
  throw new Error(`${text} is not a literal`);
}

describe("literals", () => {
  it.each([
    ["$10B", 10e9, MONEY],
    ["$1.2T", 1.2e12, MONEY],
    ["$300M", 300e6, MONEY],
    ["$-12.7B", -12.7e9, MONEY],
    ["700M", 700e6, PLAIN],
    ["4.5k", 4500, PLAIN],
    ["3%", 0.03, PERCENT],
    ["10 GW", 10e9, POWER],
    ["2500 W", 2500, POWER],
    ["1.5e9", 1.5e9, PLAIN],
    ["1_000_000", 1e6, PLAIN],
  ] as const)("reads %s as %d", (text, value, unit) => {
    const got = readBack(text);
    expect(got.value).toBe(value);
    expect(got.unit).toEqual(unit);
  });

  it("reads $50B/GW as dollars per watt", () => {
    const got = readBack("$50B/GW");
    expect(got.value).toBe(50);
    expect(got.unit).toEqual({ money: 1, power: -1, percent: false });
  });

  it("converts decimal digits once: 1.2B is the double nearest 1.2e9, not 1.2 * 1e9", () => {
    expect(readBack("0.3k").value).toBe(300);
    expect(readBack("$0.07B").value).toBe(70_000_000);
  });
});

const units = fc.constantFrom<Unit>(MONEY, PERCENT, PLAIN, POWER, {
  money: 1,
  power: -1,
  percent: false,
});
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });

describe("printQuantity", () => {
  it("prints a literal that parses back to the identical value and unit", () => {
    fc.assert(
      fc.property(finite, units, (value, unit) => {
        const back = readBack(printQuantity(value, unit));
        expect(Object.is(back.value, value) || (back.value === 0 && value === 0)).toBe(true);
        expect(back.unit).toEqual(unit);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [1.2e12, MONEY, "$1.2T"],
    [-12.7e9, MONEY, "$-12.7B"],
    [10e9, POWER, "10 GW"],
    [0.029, PERCENT, "2.9%"],
    [700e6, PLAIN, "700M"],
  ] as const)("prints %d as %s", (value, unit, text) => {
    expect(printQuantity(value, unit)).toBe(text);
  });
});

describe("formatQuantity", () => {
  it.each([
    [-12.705e9, MONEY, "$-12.7B"],
    [1.2e12, MONEY, "$1.2T"],
    [4.5e9, POWER, "4.5 GW"],
    [0.028284, PERCENT, "2.83%"],
    [999.96e9, MONEY, "$1T"],
    [50, { money: 1, power: -1, percent: false }, "$50B/GW"],
    [0, MONEY, "$0"],
  ] as const)("formats %d as %s", (value, unit, text) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });
});
