// The loops money ran round: the directed graph of payments between entities, its elementary
// cycles (Johnson's algorithm on each strongly connected component, bounded) and the money that
// went round each cycle in each year.

import { type Csr, csrFromEdges } from "../network/csr.js";
import { componentsWorkspace, reachableComponents } from "../network/reachableComponents.js";
import type { Flow } from "../sim/result.js";

/** The elementary cycles of a graph, as far as the search went. */
export interface CycleSearch {
  /** Each cycle as its nodes in order, starting at its smallest node (the edge back is implied). */
  readonly cycles: number[][];
  /** Whether the graph has more cycles than the search was allowed to list. */
  readonly truncated: boolean;
}

/**
 * The elementary cycles of `g` (no node visited twice) by Johnson's algorithm (D. B. Johnson,
 * "Finding all the elementary circuits of a directed graph", SIAM J. Comput. 4(1), 1975): take a
 * strongly connected component (Tarjan), list the cycles through its smallest node s with
 * Johnson's blocking search, remove s, split what is left into components again, and repeat.
 * Time O((n + e)(c + 1)) for c cycles. Stops after `maxCycles` cycles, with `truncated` set when
 * there was at least one more. `g` has no self-loops (`csrFromEdges` drops them).
 *
 * @example // the complete digraph on 3 nodes: 3 two-cycles and 2 three-cycles
 * elementaryCycles(csrFromEdges(3, [[0, 1, 1], [1, 0, 1], [0, 2, 1], [2, 0, 1], [1, 2, 1], [2, 1, 1]]), 100)
 * // { cycles: [[0, 1], [0, 1, 2], [0, 2], [0, 2, 1], [1, 2]], truncated: false }
 */
export function elementaryCycles(g: Csr, maxCycles: number): CycleSearch {
  const { n, rowStart, col } = g;
  const ws = componentsWorkspace(n);
  const inSet = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  const blockedBy = Array.from({ length: n }, () => new Set<number>());
  const path: number[] = [];
  const cycles: number[][] = [];
  let truncated = false;

  /** The components of `nodes` with at least one cycle (two nodes or more: no self-loops). */
  const components = (nodes: readonly number[]): number[][] => {
    inSet.fill(0);
    for (const v of nodes) inSet[v] = 1;
    const roots = Int32Array.from(nodes);
    const found = reachableComponents(g, inSet, roots, roots.length, ws);
    const out: number[][] = [];
    for (let c = 0, begin = 0; c < found.components; c++) {
      const end = ws.componentEnd[c] as number;
      if (end - begin > 1) out.push([...ws.order.subarray(begin, end)].sort((a, b) => a - b));
      begin = end;
    }
    return out;
  };
  const unblock = (u: number): void => {
    blocked[u] = 0;
    const waiting = blockedBy[u] as Set<number>;
    const next = [...waiting];
    waiting.clear();
    for (const w of next) if (blocked[w] === 1) unblock(w);
  };
  const circuit = (v: number, s: number): boolean => {
    let closed = false;
    path.push(v);
    blocked[v] = 1;
    for (let k = rowStart[v] as number; k < (rowStart[v + 1] as number) && !truncated; k++) {
      const w = col[k] as number;
      if (inSet[w] === 0) continue;
      if (w === s) {
        if (cycles.length === maxCycles) truncated = true;
        else cycles.push([...path]);
        closed = true;
      } else if (blocked[w] === 0 && circuit(w, s)) closed = true;
    }
    if (closed) unblock(v);
    else
      for (let k = rowStart[v] as number; k < (rowStart[v + 1] as number); k++) {
        const w = col[k] as number;
        if (inSet[w] === 1) (blockedBy[w] as Set<number>).add(v);
      }
    path.pop();
    return closed;
  };

  const pending = components(Array.from({ length: n }, (_, i) => i)).reverse();
  while (pending.length > 0 && !truncated) {
    const component = pending.pop() as number[];
    const s = component[0] as number;
    inSet.fill(0);
    for (const v of component) {
      inSet[v] = 1;
      blocked[v] = 0;
      (blockedBy[v] as Set<number>).clear();
    }
    circuit(s, s);
    pending.push(...components(component.slice(1)).reverse());
  }
  return { cycles, truncated };
}

/** The payments between entities: who paid whom, and how much in each year. */
export interface PaymentGraph {
  /** Entity ids; node i of the graph is entity i. */
  readonly entities: readonly string[];
  /** Calendar years, in order. */
  readonly years: readonly number[];
  /** An edge i → j when entity i paid entity j a positive amount at least once (any kind). */
  readonly graph: Csr;
  /** What i paid j in each year (`paid.get(i * E + j)[y]`), for the edges of `graph`. */
  readonly paid: ReadonlyMap<number, Float64Array>;
}

/**
 * The graph of the payments in `flows` between `entities` (flows from or to an outside sector are
 * left out), with what went along each edge per calendar year of `quarters`.
 *
 * @example paymentGraph(["a", "b"], ["2025Q1"], [{ quarter: "2025Q1", from: "a", to: "b", contract: "c", kind: "compute", amount: 5 }])
 * // an edge a → b with paid.get(1) = [5]
 */
export function paymentGraph(
  entities: readonly string[],
  quarters: readonly string[],
  flows: readonly Flow[],
): PaymentGraph {
  const E = entities.length;
  const index = new Map(entities.map((id, i) => [id, i]));
  const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const paid = new Map<number, Float64Array>();
  for (const f of flows) {
    const i = index.get(f.from);
    const j = index.get(f.to);
    if (i === undefined || j === undefined || i === j || !(f.amount > 0)) continue;
    const key = i * E + j;
    const row = paid.get(key) ?? new Float64Array(years.length);
    paid.set(key, row);
    const y = yearIndex.get(Number(f.quarter.slice(0, 4))) as number;
    row[y] = (row[y] as number) + f.amount;
  }
  const edges = [...paid.keys()].map((key): [number, number, number] => [
    Math.floor(key / E),
    key % E,
    1,
  ]);
  return { entities, years, graph: csrFromEdges(E, edges), paid };
}

/**
 * The money that went round `cycle` in each year: the least that was paid that year along any of
 * its edges (including the one from its last node back to its first). Whatever went round the
 * whole loop went along every edge, so no more than this can have; it is 0 in a year in which any
 * edge carried nothing.
 *
 * @example // a paid b 10 and b paid a 4 in the one year
 * moneyRound(pg, [0, 1]) // [4]
 */
export function moneyRound(payments: PaymentGraph, cycle: readonly number[]): number[] {
  const E = payments.entities.length;
  return payments.years.map((_, y) => {
    let least = Number.POSITIVE_INFINITY;
    cycle.forEach((i, k) => {
      const j = cycle[(k + 1) % cycle.length] as number;
      const row = payments.paid.get(i * E + j);
      least = Math.min(least, row === undefined ? 0 : (row[y] as number));
    });
    return cycle.length === 0 ? 0 : least;
  });
}
