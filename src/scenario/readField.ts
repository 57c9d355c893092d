// Reads one value of the file (short, schedule, long form or stock) from its YAML node, keeping
// the positions of every part, into an AssumptionSource; and a stock's flow into another.

import { isMap, isPair, isScalar, type Node, Scalar } from "yaml";
import type { Diagnostic } from "./diagnostic.js";
import { parseQuarter } from "./quarter.js";
import type { AssumptionSource, ScheduleEntry } from "./scenario.js";

/** The value's text and where it starts, from the YAML node that holds it. */
function scalarText(node: Scalar, text: string): { text: string; start: number } {
  const [start, end] = node.range ?? [0, 0];
  if (node.type === Scalar.PLAIN) return { text: text.slice(start, end), start };
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    return { text: String(node.value), start: start + 1 };
  }
  return { text: String(node.value), start };
}

/** The text of a scalar value without the `=` of a formula, or null after reporting NaN. */
function readScalar(
  node: Scalar,
  text: string,
  problems: Diagnostic[],
): { text: string; textStart: number; formula: boolean } | null {
  const [vStart, vEnd] = node.range ?? [0, 0];
  if (typeof node.value === "number" && !Number.isFinite(node.value)) {
    problems.push({
      code: "not-finite",
      message: `${text.slice(vStart, vEnd)} is not a finite number: expected a value such as 3% or $10B`,
      start: vStart,
      end: vEnd,
    });
    return null;
  }
  const raw = scalarText(node, text);
  const formula = /^\s*=/.test(raw.text);
  const eq = raw.text.indexOf("=");
  return formula
    ? { text: raw.text.slice(eq + 1), textStart: raw.start + eq + 1, formula }
    : { text: raw.text, textStart: raw.start, formula };
}

function readSchedule(node: Node, text: string, problems: Diagnostic[]): ScheduleEntry[] | null {
  if (!isMap(node)) return null;
  const entries: ScheduleEntry[] = [];
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return null;
    const quarter = parseQuarter(String(pair.key.value));
    if (quarter === null) return null;
    const value = readScalar(pair.value, text, problems);
    if (value === null) continue;
    const [keyStart, keyEnd] = pair.key.range ?? [0, 0];
    entries.push({ quarter, keyStart, keyEnd, text: value.text, textStart: value.textStart });
  }
  return entries.sort((a, b) => a.quarter - b.quarter);
}

/**
 * The assumption a value node stands for, named `name`; `null` when the node is not a value
 * (the schema reports that). For a stock `{ stock, flow }` it is the stock, with its start value.
 */
export function readField(
  name: string,
  keyNode: Node | null,
  valueNode: unknown,
  text: string,
  problems: Diagnostic[],
): AssumptionSource | null {
  const [nameStart, nameEnd] = keyNode?.range ?? [0, 0];
  let node = valueNode;
  let source: string | undefined;
  let note: string | undefined;
  const map = isMap(node) ? node : null;
  const key = ["value", "stock"].find((k) => map?.has(k) === true);
  if (map !== null && key !== undefined) {
    const s = map.get("source");
    const n = map.get("note");
    source = typeof s === "string" ? s : undefined;
    note = typeof n === "string" ? n : undefined;
    node = map.get(key, true);
  }
  const extra = {
    ...(source === undefined ? {} : { source }),
    ...(note === undefined ? {} : { note }),
  };
  if (isScalar(node)) {
    const value = readScalar(node, text, problems);
    if (value === null) return null;
    return { name, nameStart, nameEnd, ...value, ...extra };
  }
  if (isMap(node)) {
    const schedule = readSchedule(node, text, problems);
    if (schedule === null) return null;
    const [start, end] = node.range ?? [nameEnd, nameEnd];
    return {
      name,
      nameStart,
      nameEnd,
      text: text.slice(start, end),
      textStart: start,
      formula: true,
      schedule,
      ...extra,
    };
  }
  return null;
}

/**
 * The flow of a stock `{ stock, flow }` named `name`, as the assumption `<name>.flow`; `null`
 * when the node is not a stock, or after reporting that its flow is missing.
 */
export function readFlow(
  name: string,
  keyNode: Node | null,
  valueNode: unknown,
  text: string,
  problems: Diagnostic[],
): AssumptionSource | null {
  if (!isMap(valueNode) || !valueNode.has("stock")) return null;
  const pair = valueNode.items.find((p) => isScalar(p.key) && p.key.value === "flow");
  if (pair === undefined) {
    const [start] = keyNode?.range ?? [0];
    problems.push({
      code: "missing-flow",
      message: `missing "flow" in the stock "${name}": its change per quarter, such as flow: = inflow - outflow`,
      start,
      end: start,
    });
    return null;
  }
  if (!isScalar(pair.key) || !isScalar(pair.value)) return null;
  const value = readScalar(pair.value, text, problems);
  if (value === null) return null;
  const [nameStart, nameEnd] = pair.key.range ?? [0, 0];
  return { name: `${name}.flow`, nameStart, nameEnd, ...value, flowOf: name };
}
