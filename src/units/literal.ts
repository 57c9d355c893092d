// Reads a quantity literal (`$10B`, `$-12.7B`, `700M`, `4.5k`, `3%`, `10 GW`, `$50B/GW`, `1.5e9`)
// at a position in a string. Decimal digits are converted once, exactly: `1.2B` is the double
// nearest to 1.2 × 10⁹, never the product of two rounded doubles.

import { MONEY, PERCENT, PLAIN, POWER, type Unit } from "./unit.js";

/** A literal read from source text. */
export interface LiteralMatch {
  /** The value in base units (dollars, watts, plain). */
  readonly value: number;
  /** Its unit. */
  readonly unit: Unit;
  /** Number of characters consumed. */
  readonly length: number;
}

/** Decimal exponents of the scale suffixes. */
export const SCALE_EXPONENTS: Readonly<Record<string, number>> = { k: 3, M: 6, B: 9, T: 12 };

/** Decimal exponents of the power units. */
export const POWER_EXPONENTS: Readonly<Record<string, number>> = {
  W: 0,
  kW: 3,
  MW: 6,
  GW: 9,
  TW: 12,
};

const LITERAL =
  /(\$)?(-)?(\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(k|M|B|T)?(%)?(?:[ \t]*(W|kW|MW|GW|TW)(?![A-Za-z0-9_]))?(?:\/(W|kW|MW|GW|TW)(?![A-Za-z0-9_]))?/y;

/** Why a literal-looking text is not a valid literal. */
export type LiteralProblem = { readonly problem: string; readonly length: number };

/**
 * Reads a literal starting at `pos` in `text`.
 *
 * @returns the literal, a problem (a literal-looking text that is malformed), or `null` when no
 *   literal starts there.
 * @example readLiteral("$1.2T", 0) // { value: 1.2e12, unit: MONEY, length: 5 }
 */
export function readLiteral(text: string, pos: number): LiteralMatch | LiteralProblem | null {
  LITERAL.lastIndex = pos;
  const m = LITERAL.exec(text);
  if (m === null) return null;
  const [whole, dollar, minus, digits = "", exp, scale, percent, powerUnit, perPower] = m;
  if (minus !== undefined && dollar === undefined) return null;
  if (dollar !== undefined && (percent !== undefined || powerUnit !== undefined)) {
    return {
      problem: `"${whole}" mixes money with ${percent ? "a percentage" : "power"}`,
      length: whole.length,
    };
  }
  if (perPower !== undefined && dollar === undefined) {
    return {
      problem: `"${whole}": only money can be written per unit of power ($/GW)`,
      length: whole.length,
    };
  }
  if (percent !== undefined && powerUnit !== undefined) {
    return { problem: `"${whole}" mixes a percentage with power`, length: whole.length };
  }
  let exponent = Number(exp ?? "0") + (scale ? (SCALE_EXPONENTS[scale] ?? 0) : 0);
  if (percent) exponent -= 2;
  if (powerUnit) exponent += POWER_EXPONENTS[powerUnit] ?? 0;
  if (perPower) exponent -= POWER_EXPONENTS[perPower] ?? 0;
  const magnitude = Number(`${digits.replaceAll("_", "")}e${exponent}`);
  if (!Number.isFinite(magnitude)) {
    return { problem: `"${whole}" is too large to represent`, length: whole.length };
  }
  const value = minus ? -magnitude : magnitude;
  let unit: Unit = PLAIN;
  if (dollar) unit = perPower ? { money: 1, power: -1, percent: false } : MONEY;
  else if (percent) unit = PERCENT;
  else if (powerUnit) unit = POWER;
  return { value, unit, length: whole.length };
}
