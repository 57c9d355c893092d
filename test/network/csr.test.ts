// csrFromEdges: duplicates summed, self-obligations and zeros dropped, rows kept apart.
import { describe, expect, it } from "vitest";
import { csrFromEdges } from "../../src/network/csr.js";

describe("csrFromEdges", () => {
  it("sums obligations between the same two nodes and drops self-obligations and zeros", () => {
    const a = csrFromEdges(3, [
      [0, 1, 2],
      [0, 2, 1],
      [0, 1, 3],
      [1, 1, 9],
      [2, 0, 0],
      [2, 0, 1],
    ]);
    expect([...a.rowStart]).toEqual([0, 2, 2, 3]);
    expect([...a.col]).toEqual([1, 2, 0]);
    expect([...a.value]).toEqual([5, 1, 1]);
  });

  it("gives an empty matrix for no obligations", () => {
    const a = csrFromEdges(2, []);
    expect([...a.rowStart]).toEqual([0, 0, 0]);
    expect(a.col.length).toBe(0);
  });
});
