// The strongly connected components of the part of a graph that can be reached from some roots
// inside a subset of its nodes (Tarjan's algorithm, without recursion).

import type { Csr } from "./csr.js";

/** Working memory of {@link reachableComponents} for graphs of up to n nodes; reusable. */
export interface ComponentsWorkspace {
  /** DFS number of each node, −1 when not visited (all −1 between calls). */
  readonly index: Int32Array;
  /** Smallest DFS number reachable from the node's subtree. */
  readonly low: Int32Array;
  /** 1 while the node is on Tarjan's stack. */
  readonly onStack: Uint8Array;
  /** Tarjan's stack of nodes. */
  readonly stack: Int32Array;
  /** The explicit call stack: the nodes being explored… */
  readonly callNode: Int32Array;
  /** …and the next of each one's edges to follow. */
  readonly callEdge: Int32Array;
  /** Output: the nodes reached, component by component. */
  readonly order: Int32Array;
  /** Output: component c is `order[componentEnd[c − 1] … componentEnd[c] − 1]` (from 0 for c = 0). */
  readonly componentEnd: Int32Array;
}

/** The working memory for graphs of up to `n` nodes. */
export function componentsWorkspace(n: number): ComponentsWorkspace {
  return {
    index: new Int32Array(n).fill(-1),
    low: new Int32Array(n),
    onStack: new Uint8Array(n),
    stack: new Int32Array(n),
    callNode: new Int32Array(n),
    callEdge: new Int32Array(n),
    order: new Int32Array(n),
    componentEnd: new Int32Array(n),
  };
}

/** How many nodes and components {@link reachableComponents} found. */
export interface ComponentCount {
  readonly nodes: number;
  readonly components: number;
}

/**
 * Writes into `ws.order` and `ws.componentEnd` the strongly connected components of the subgraph
 * of `g` induced by the nodes with `inSet[i] = 1`, restricted to those reachable from
 * `roots[0 … rootCount − 1]` (which must be in the set). Components come out in reverse
 * topological order: every component comes after all the components it has edges into. Within a
 * component, nodes come out in reverse order of discovery. O(nodes + edges reached).
 *
 * @example // 0 → 1 → 2 → 1: components [1, 2] (as [2, 1]) then [0]
 * reachableComponents(csrFromEdges(3, [[0, 1, 1], [1, 2, 1], [2, 1, 1]]), Uint8Array.of(1, 1, 1), Int32Array.of(0), 1, ws)
 */
export function reachableComponents(
  g: Csr,
  inSet: Uint8Array,
  roots: Int32Array,
  rootCount: number,
  ws: ComponentsWorkspace,
): ComponentCount {
  const { rowStart, col } = g;
  const { index, low, onStack, stack, callNode, callEdge, order, componentEnd } = ws;
  let counter = 0;
  let sp = 0;
  let cs = 0;
  let out = 0;
  let components = 0;
  const enter = (v: number): void => {
    index[v] = counter;
    low[v] = counter;
    counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    callNode[cs] = v;
    callEdge[cs] = rowStart[v] as number;
    cs++;
  };
  for (let r = 0; r < rootCount; r++) {
    const root = roots[r] as number;
    if (index[root] !== -1) continue;
    enter(root);
    while (cs > 0) {
      const v = callNode[cs - 1] as number;
      const end = rowStart[v + 1] as number;
      let k = callEdge[cs - 1] as number;
      let descended = false;
      while (k < end) {
        const w = col[k++] as number;
        if (inSet[w] === 0) continue;
        if (index[w] === -1) {
          callEdge[cs - 1] = k;
          enter(w);
          descended = true;
          break;
        }
        if (onStack[w] === 1 && (index[w] as number) < (low[v] as number))
          low[v] = index[w] as number;
      }
      if (descended) continue;
      cs--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp] as number;
          onStack[w] = 0;
          order[out++] = w;
        } while (w !== v);
        componentEnd[components++] = out;
      }
      if (cs > 0) {
        const u = callNode[cs - 1] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
    }
  }
  for (let k = 0; k < out; k++) index[order[k] as number] = -1;
  return { nodes: out, components };
}
