// Reads the entities, contracts and capacity of a scenario: every numeric field becomes an
// assumption named `<id>.<field>`, and every reference to an id is checked, with "did you mean".

import { type Document, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import type { Diagnostic } from "./diagnostic.js";
import { readField } from "./readField.js";
import type { AssumptionSource } from "./scenario.js";
import { didYouMean } from "./suggest.js";
import { CAPACITY_FIELDS, CONTRACT_FIELDS, ENTITY_FIELDS, fieldName } from "./system.js";

function pairOf(map: YAMLMap, key: string): { key: Node; value: unknown } | null {
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key)
      return { key: pair.key, value: pair.value };
  }
  return null;
}

function fieldAt(
  map: YAMLMap,
  id: string,
  path: readonly string[],
  text: string,
  out: AssumptionSource[],
  problems: Diagnostic[],
): void {
  let node: unknown = map;
  let key: Node | null = null;
  for (const part of path) {
    if (!isMap(node)) return;
    const pair = pairOf(node, part);
    if (pair === null) return;
    key = pair.key;
    node = pair.value;
  }
  const field = readField(fieldName(id, ...path), key, node, text, problems);
  if (field !== null) out.push(field);
}

function idOf(map: YAMLMap): { id: string; node: Node } | null {
  const pair = pairOf(map, "id");
  if (pair === null || !isScalar(pair.value)) return null;
  return { id: String(pair.value.value), node: pair.value };
}

/** Checks that the party named at `key` of `map` is one of `allowed`. */
function checkParty(
  map: YAMLMap,
  key: string,
  allowed: readonly string[],
  what: string,
  problems: Diagnostic[],
): string | null {
  const pair = pairOf(map, key);
  if (pair === null || !isScalar(pair.value)) return null;
  const name = String(pair.value.value);
  if (allowed.includes(name)) return name;
  const [start, end] = pair.value.range ?? [0, 0];
  problems.push({
    code: "unknown-entity",
    message: `unknown ${what} "${name}"${didYouMean(name, allowed)}: expected one of ${allowed.join(", ")}`,
    start,
    end,
  });
  return null;
}

const PARTIES: Readonly<Record<string, readonly [string, string]>> = {
  equity: ["investor", "investee"],
  purchase: ["buyer", "seller"],
  loan: ["lender", "borrower"],
  lease: ["lessor", "lessee"],
};

/**
 * The field assumptions of the system's parts, in file order; problems with ids are added to
 * `problems`.
 */
export function readSystem(
  doc: Document,
  text: string,
  problems: Diagnostic[],
): AssumptionSource[] {
  const out: AssumptionSource[] = [];
  const ids = new Map<string, Node>();
  const claim = (id: string, node: Node): void => {
    const first = ids.get(id);
    if (first === undefined) {
      ids.set(id, node);
      return;
    }
    const [start, end] = node.range ?? [0, 0];
    problems.push({
      code: "duplicate-id",
      message: `the id "${id}" is already used; entities, contracts and capacity need distinct ids`,
      start,
      end,
    });
  };
  const entities = doc.get("entities", true);
  const entityIds: string[] = [];
  if (isMap(entities)) {
    for (const pair of entities.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !isMap(pair.value)) continue;
      const id = String(pair.key.value);
      claim(id, pair.key);
      entityIds.push(id);
      for (const path of ENTITY_FIELDS) fieldAt(pair.value, id, path, text, out, problems);
    }
  }
  const capacity = doc.get("capacity", true);
  const capacityIds: string[] = [];
  if (isSeq(capacity)) {
    for (const item of capacity.items) {
      if (!isMap(item)) continue;
      const found = idOf(item);
      if (found === null) continue;
      claim(found.id, found.node);
      capacityIds.push(found.id);
      for (const name of CAPACITY_FIELDS) fieldAt(item, found.id, [name], text, out, problems);
      checkParty(item, "owner", entityIds, "owner", problems);
      checkParty(item, "for", entityIds, "customer", problems);
      const suppliers = pairOf(item, "suppliers");
      if (suppliers !== null && isMap(suppliers.value)) {
        for (const s of suppliers.value.items) {
          if (!isPair(s) || !isScalar(s.key)) continue;
          const name = String(s.key.value);
          if (entityIds.includes(name)) {
            const share = readField(
              fieldName(found.id, "suppliers", name),
              s.key,
              s.value,
              text,
              problems,
            );
            if (share !== null) out.push(share);
          } else {
            const [start, end] = s.key.range ?? [0, 0];
            problems.push({
              code: "unknown-entity",
              message: `unknown supplier "${name}"${didYouMean(name, entityIds)}: a supplier is an entity; capex not paid to one goes to the outside suppliers`,
              start,
              end,
            });
          }
        }
      }
    }
  }
  const contracts = doc.get("contracts", true);
  if (isSeq(contracts)) {
    for (const item of contracts.items) {
      if (!isMap(item)) continue;
      const found = idOf(item);
      if (found === null) continue;
      claim(found.id, found.node);
      for (const name of CONTRACT_FIELDS) fieldAt(item, found.id, [name], text, out, problems);
      const type = item.get("type");
      const roles = typeof type === "string" ? PARTIES[type] : undefined;
      if (roles === undefined) continue;
      const outside = type === "loan" ? ["lenders"] : [];
      const a = checkParty(item, roles[0], [...entityIds, ...outside], roles[0], problems);
      const b = checkParty(item, roles[1], entityIds, roles[1], problems);
      if (a !== null && a === b) {
        const node = (pairOf(item, roles[1])?.value ?? found.node) as Node;
        const [start, end] = node.range ?? [0, 0];
        problems.push({
          code: "self-contract",
          message: `${found.id}: ${a} cannot contract with itself (${roles[0]} and ${roles[1]} are the same)`,
          start,
          end,
        });
      }
      const refs = pairOf(item, "capacity");
      if (refs !== null && isSeq(refs.value)) {
        for (const ref of refs.value.items) {
          if (!isScalar(ref) || capacityIds.includes(String(ref.value))) continue;
          const [start, end] = ref.range ?? [0, 0];
          problems.push({
            code: "unknown-capacity",
            message: `unknown capacity "${String(ref.value)}"${didYouMean(String(ref.value), capacityIds)}`,
            start,
            end,
          });
        }
      }
    }
  }
  return out;
}
