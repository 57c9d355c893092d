// elementaryCycles (Johnson 1975): complete digraphs' known counts, brute-force enumeration on
// random graphs, truncation; paymentGraph and moneyRound on hand-worked payments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrFromEdges } from "../../src/network/csr.js";
import type { Flow } from "../../src/sim/result.js";
import { elementaryCycles, moneyRound, paymentGraph } from "../../src/trace/cycles.js";

type Edge = [number, number, number];

/** The complete digraph on n nodes. */
function complete(n: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) edges.push([i, j, 1]);
  return edges;
}

/** Its number of elementary cycles: Σ_{k=2..n} C(n, k) (k − 1)! (k nodes, (k − 1)! orders). */
function completeCount(n: number): number {
  let count = 0;
  for (let k = 2; k <= n; k++) {
    let choose = 1;
    for (let i = 0; i < k; i++) choose = (choose * (n - i)) / (i + 1);
    let orders = 1;
    for (let i = 2; i < k; i++) orders *= i;
    count += choose * orders;
  }
  return count;
}

/** Every elementary cycle by depth-first search from each node over larger nodes only. */
function bruteForce(n: number, edges: readonly Edge[]): string[] {
  const next = Array.from({ length: n }, () => new Set<number>());
  for (const [i, j] of edges) if (i !== j) next[i]?.add(j);
  const out: string[] = [];
  const walk = (start: number, path: number[]): void => {
    for (const w of next[path.at(-1) as number] ?? []) {
      if (w === start) out.push(path.join(","));
      else if (w > start && !path.includes(w)) walk(start, [...path, w]);
    }
  };
  for (let s = 0; s < n; s++) walk(s, [s]);
  return out.sort();
}

describe("elementaryCycles", () => {
  it("finds the 5 cycles of the complete digraph on 3 nodes, each from its smallest node", () => {
    const { cycles, truncated } = elementaryCycles(csrFromEdges(3, complete(3)), 100);
    expect(truncated).toBe(false);
    expect(cycles.map((c) => c.join(",")).sort()).toEqual(["0,1", "0,1,2", "0,2", "0,2,1", "1,2"]);
  });

  it("finds 20 cycles in K4, 84 in K5 and 409 in K6", () => {
    expect(completeCount(4)).toBe(20);
    for (const n of [4, 5, 6]) {
      const { cycles } = elementaryCycles(csrFromEdges(n, complete(n)), 10_000);
      expect(cycles.length).toBe(completeCount(n));
      expect(new Set(cycles.map((c) => c.join(","))).size).toBe(cycles.length);
    }
  });

  it("finds none in a graph without cycles", () => {
    const dag: Edge[] = [
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
      [3, 0, 1],
    ];
    expect(elementaryCycles(csrFromEdges(4, dag), 100)).toEqual({ cycles: [], truncated: false });
  });

  it("stops at maxCycles and says so only when there were more", () => {
    const k4 = csrFromEdges(4, complete(4));
    const cut = elementaryCycles(k4, 10);
    expect(cut.cycles.length).toBe(10);
    expect(cut.truncated).toBe(true);
    expect(elementaryCycles(k4, 20).truncated).toBe(false);
  });

  it("finds exactly the cycles a brute-force search finds, on random graphs", () => {
    const graph = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.constant(1),
          ),
          { maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        const { cycles, truncated } = elementaryCycles(csrFromEdges(n, edges), 100_000);
        expect(truncated).toBe(false);
        expect(cycles.map((c) => c.join(",")).sort()).toEqual(bruteForce(n, edges));
      }),
    );
  });
});

/** A payment in `quarter` of `amount` from `from` to `to`. */
function pay(quarter: string, from: string, to: string, amount: number, kind = "compute"): Flow {
  return { quarter, from, to, contract: "c", kind, amount };
}

describe("paymentGraph and moneyRound", () => {
  const quarters = ["2025Q1", "2025Q2", "2026Q1"];
  const flows = [
    pay("2025Q1", "investors", "a", 100, "equity"),
    pay("2025Q1", "a", "b", 10, "equity"),
    pay("2025Q2", "a", "b", 5),
    pay("2025Q1", "b", "c", 30),
    pay("2025Q2", "c", "a", 12, "hardware"),
    pay("2026Q1", "b", "c", 8),
    pay("2026Q1", "c", "a", 8, "hardware"),
    pay("2026Q1", "a", "suppliers", 50, "costs"),
  ];
  const payments = paymentGraph(["a", "b", "c"], quarters, flows);

  it("has an edge for each pair of entities money went between, outside sectors left out", () => {
    expect(payments.years).toEqual([2025, 2026]);
    expect([...(payments.paid.get(0 * 3 + 1) ?? [])]).toEqual([15, 0]);
    expect([...(payments.paid.get(1 * 3 + 2) ?? [])]).toEqual([30, 8]);
    expect(payments.paid.size).toBe(3);
    expect(elementaryCycles(payments.graph, 10).cycles).toEqual([[0, 1, 2]]);
  });

  it("counts as gone round a cycle in a year the least paid along any of its edges", () => {
    // 2025: a → b 15, b → c 30, c → a 12; 2026: a → b nothing.
    expect(moneyRound(payments, [0, 1, 2])).toEqual([12, 0]);
    expect(moneyRound(payments, [0, 2])).toEqual([0, 0]);
  });
});
