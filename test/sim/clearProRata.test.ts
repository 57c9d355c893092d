// clearProRata: each payer pays one fraction of everything it owes, the greatest such vector.
import { describe, expect, it } from "vitest";
import { clearProRata as clear } from "../../src/sim/clearProRata.js";

type Owe = [from: number, to: number, amount: number];
const owe = (from: number, to: number, amount: number): Owe => [from, to, amount];

/** The fractions paid, for entities with `cash` and the obligations `list`. */
function clearProRata(cash: number[], list: Owe[]): number[] {
  const slots = {
    count: list.length,
    from: Int32Array.from(list, (o) => o[0]),
    to: Int32Array.from(list, (o) => o[1]),
  };
  const f = new Float64Array(cash.length);
  const owed = new Float64Array(cash.length);
  clear(
    Float64Array.from(cash),
    slots,
    Float64Array.from(list, (o) => o[2]),
    f,
    owed,
    new Float64Array(cash.length),
  );
  return [...f];
}

describe("clearProRata", () => {
  it("lets a payer with enough cash pay in full", () => {
    expect(clearProRata([10], [owe(0, -4, 10)])).toEqual([1]);
  });

  it("cuts a short payer's payments pro rata", () => {
    expect(clearProRata([5, 0], [owe(0, -4, 10)])).toEqual([0.5, 1]);
  });

  it("counts receipts from others in the same quarter", () => {
    // 0 has nothing but is owed 10 by 1, who has 10: both pay in full.
    expect(clearProRata([0, 10], [owe(0, -4, 10), owe(1, 0, 10)])).toEqual([1, 1]);
  });

  it("returns the greatest clearing vector when a zero-cash cycle allows several", () => {
    // Eisenberg–Noe (2001): a cycle of equal debts with no cash clears at full payment.
    expect(clearProRata([0, 0, 0], [owe(0, 1, 5), owe(1, 2, 5), owe(2, 0, 5)])).toEqual([1, 1, 1]);
  });

  it("passes a shortfall down a chain", () => {
    const f = clearProRata([4, 0], [owe(0, 1, 8), owe(1, -4, 8)]);
    expect(f[0]).toBe(0.5);
    expect(f[1]).toBe(0.5);
  });
});
