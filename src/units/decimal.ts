// Exact decimal shifting of a double's shortest representation, so that printed quantities parse
// back to the very same double.

/**
 * Writes `|x| × 10^-shift` as a decimal string without rounding, from the shortest string that
 * round-trips `x` (ECMAScript `Number.prototype.toString`).
 *
 * @example shiftDecimal(1.2e9, 9) // "1.2"
 */
export function shiftDecimal(x: number, shift: number): string {
  const [mantissa = "0", expPart] = Math.abs(x).toString().split("e");
  const [intPart = "0", fracPart = ""] = mantissa.split(".");
  const digits = intPart + fracPart;
  // The decimal point sits after `point` digits of `digits`.
  const point = intPart.length + Number(expPart ?? "0") - shift;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, "");
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  return out;
}
