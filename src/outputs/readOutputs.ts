// Reads the `outputs:` section of a scenario's YAML document, keeping the position of each name
// and formula. The schema has already checked the section's shape.

import { type Document, isMap, isPair, isScalar } from "yaml";
import type { Diagnostic } from "../scenario/diagnostic.js";
import { readField } from "../scenario/readField.js";
import type { OutputSource } from "./outputSource.js";

/**
 * The outputs declared in `doc`, in file order; values that are not formulas are left out (the
 * schema reports them).
 */
export function readOutputs(doc: Document, text: string, problems: Diagnostic[]): OutputSource[] {
  const map = doc.get("outputs", true);
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    if (!isPair(pair) || !isScalar(pair.key)) return [];
    const field = readField(String(pair.key.value), pair.key, pair.value, text, problems);
    if (field === null || !field.formula || field.schedule !== undefined) return [];
    const { name, nameStart, nameEnd, text: formula, textStart, note } = field;
    return [
      {
        name,
        nameStart,
        nameEnd,
        text: formula,
        textStart,
        ...(note === undefined ? {} : { note }),
      },
    ];
  });
}
