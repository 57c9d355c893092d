// clearProRata: each payer pays one fraction of everything it owes, the greatest such vector.
import { describe, expect, it } from "vitest";
import { clearProRata } from "../../src/sim/clearProRata.js";
import type { Obligation } from "../../src/sim/ledger.js";

const owe = (from: number, to: number, amount: number): Obligation => ({
  from,
  to,
  amount,
  contract: "c",
  kind: "compute",
  index: -1,
});

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
