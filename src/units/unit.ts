// Physical units of scenario values: exponents of money (USD) and power (W), plus a display hint.
//
// Counts (users, GPUs) are plain numbers. A ratio written as a percentage is a plain number that
// is displayed as a percentage. Money × ratio is money; money / money is a plain number; money /
// power is dollars per watt. Adding two values requires equal dimensions.

/** A unit: integer exponents of the base dimensions, and whether a plain number reads as a percent. */
export interface Unit {
  /** Exponent of US dollars. */
  readonly money: number;
  /** Exponent of watts. */
  readonly power: number;
  /** Display plain numbers as percentages (`3%`); meaningless when the unit has dimensions. */
  readonly percent: boolean;
}

/** A plain number (counts, multipliers). */
export const PLAIN: Unit = { money: 0, power: 0, percent: false };
/** A plain number written as a percentage. */
export const PERCENT: Unit = { money: 0, power: 0, percent: true };
/** US dollars. */
export const MONEY: Unit = { money: 1, power: 0, percent: false };
/** Watts. */
export const POWER: Unit = { money: 0, power: 1, percent: false };

/** True when the unit has no dimensions (plain number or percentage). */
export function isDimensionless(u: Unit): boolean {
  return u.money === 0 && u.power === 0;
}

/** True when two units have the same dimensions (they may be added or compared). */
export function sameDimensions(a: Unit, b: Unit): boolean {
  return a.money === b.money && a.power === b.power;
}

/** The unit of `a + b` (or `min`, `max`, …): the shared dimensions; percent only if both are. */
export function unitOfSum(a: Unit, b: Unit): Unit {
  return { money: a.money, power: a.power, percent: a.percent && b.percent };
}

/** The unit of `a * b` (`sign` = 1) or `a / b` (`sign` = −1); a product is never shown as a percent. */
export function unitOfProduct(a: Unit, b: Unit, sign: 1 | -1): Unit {
  return { money: a.money + sign * b.money, power: a.power + sign * b.power, percent: false };
}

/** The unit raised to a power; `null` when the exponents would not be integers. */
export function unitOfPower(u: Unit, exponent: number): Unit | null {
  const money = u.money * exponent;
  const power = u.power * exponent;
  if (!Number.isInteger(money) || !Number.isInteger(power)) return null;
  return { money, power, percent: false };
}

/** The unit's name as users write it: `USD`, `W`, `USD/W`, `%`, `number`. */
export function unitName(u: Unit): string {
  if (isDimensionless(u)) return u.percent ? "%" : "number";
  const parts: string[] = [];
  const denominators: string[] = [];
  const add = (name: string, exp: number): void => {
    if (exp === 0) return;
    const target = exp > 0 ? parts : denominators;
    const abs = Math.abs(exp);
    target.push(abs === 1 ? name : `${name}^${abs}`);
  };
  add("USD", u.money);
  add("W", u.power);
  const top = parts.length > 0 ? parts.join("·") : "1";
  return denominators.length > 0 ? `${top}/${denominators.join("·")}` : top;
}

/** The unit in words, for messages: `money (USD)`, `power (W)`, `a plain number`, `USD/W`. */
export function describeUnit(u: Unit): string {
  if (isDimensionless(u)) return u.percent ? "a percentage" : "a plain number";
  if (u.money === 1 && u.power === 0) return "money (USD)";
  if (u.money === 0 && u.power === 1) return "power (W)";
  return unitName(u);
}

/**
 * The unit shared by two values that must have the same dimensions, or `null` when they differ.
 * A plain zero (`0`) fits any unit, so `max(0, profit)` and `0 to $5B` need no `$0`.
 */
export function commonUnit(a: Unit, aIsZero: boolean, b: Unit, bIsZero: boolean): Unit | null {
  if (aIsZero && isDimensionless(a) && !a.percent) return b;
  if (bIsZero && isDimensionless(b) && !b.percent) return a;
  return sameDimensions(a, b) ? unitOfSum(a, b) : null;
}
