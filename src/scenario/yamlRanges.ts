// Finds where a path of keys points in a YAML document, so that any problem can be reported at
// the right line and column.

import { type Document, isMap, isPair, isScalar, type Node } from "yaml";

/** A character range in the source text. */
export interface Range {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

function rangeOf(node: Node | null | undefined): Range | null {
  const range = node?.range;
  if (range === undefined || range === null) return null;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

/** The node at `path` (keys and indices), or the deepest existing ancestor's node. */
export function nodeRange(doc: Document, path: ReadonlyArray<PropertyKey>): Range {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
    const range = rangeOf(node);
    if (range !== null) return range;
  }
  return { start: 0, end: 0 };
}

/** The range of the key `key` in the map at `path`, or of the map itself when it is absent. */
export function keyRange(doc: Document, path: ReadonlyArray<PropertyKey>, key: string): Range {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) {
        const range = rangeOf(pair.key);
        if (range !== null) return range;
      }
    }
  }
  return nodeRange(doc, path);
}
