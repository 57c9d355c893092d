// x^y for the formulas: by repeated squaring when y is a whole number from 0 to 64 (growth
// compounding per quarter, `(1 + g) ^ t`, is the common case and Math.pow costs ~10× more),
// otherwise Math.pow. The point run and the bulk evaluation both use it, so they agree bit for bit.

/** Largest whole exponent computed by squaring. */
const MAX_SQUARING_EXPONENT = 64;

/**
 * x raised to the power y.
 *
 * @example power(1.1, 2) // 1.2100000000000002
 */
export function power(x: number, y: number): number {
  if (y >= 0 && y <= MAX_SQUARING_EXPONENT && y === Math.floor(y)) {
    let result = 1;
    let base = x;
    let e = y;
    while (e > 0) {
      if (e & 1) result *= base;
      base *= base;
      e >>= 1;
    }
    return result;
  }
  return x ** y;
}
