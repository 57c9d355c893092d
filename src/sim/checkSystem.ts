// Checks the units and signs of the loop's fields once the model is compiled: cash is money,
// online capacity is power, a tranche cap is at least one tranche, and so on.

import type { Model } from "../model/model.js";
import type { Diagnostic } from "../scenario/diagnostic.js";
import type { AssumptionSource, Scenario } from "../scenario/scenario.js";
import { formatQuantity } from "../units/formatQuantity.js";
import { describeUnit, MONEY, PLAIN, POWER, sameDimensions, type Unit } from "../units/unit.js";

const MONEY_PER_POWER: Unit = { money: 1, power: -1, percent: false };

/** The unit each field must have, by the last part of its name. */
const FIELD_UNITS: ReadonlyArray<readonly [RegExp, Unit, string]> = [
  [
    /\.(cash|debt|valuation|revenue|costs|min_cash|equity|amount|cap|total|principal)$/,
    MONEY,
    "money such as $10B",
  ],
  [/\.funding\.debt$/, MONEY, "money such as $10B"],
  [/\.(cost_of_revenue|rate|failure_rate)$/, PLAIN, "a share such as 30%"],
  [/\.suppliers\.[^.]+$/, PLAIN, "a share such as 70%"],
  [/\.online$/, POWER, "power such as 4.5 GW"],
  [/\.watts_per_gpu$/, POWER, "power such as 2200 W"],
  [/\.(capex_per_gw|per_gw)$/, MONEY_PER_POWER, "money per power such as $50B/GW"],
  [/\.useful_life$/, PLAIN, "a number of years such as 6"],
];

/** Fields that must not be negative. */
const NON_NEGATIVE =
  /\.(cash|debt|revenue|costs|min_cash|equity|amount|cap|total|principal|online|watts_per_gpu|capex_per_gw|per_gw|useful_life|cost_of_revenue|rate|failure_rate)$|\.suppliers\./;

/**
 * Problems with the fields of entities, contracts and capacity: wrong units, negative fixed
 * values, a tranche cap below one tranche, zero watts per GPU.
 */
export function checkSystem(scenario: Scenario, model: Model): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const byName = new Map(
    model.assumptions.map((a, i) => [
      a.name,
      { a, source: scenario.assumptions[i] as AssumptionSource },
    ]),
  );
  const at = (source: AssumptionSource) => ({ start: source.nameStart, end: source.nameEnd });
  for (const [name, { a, source }] of byName) {
    if (!name.includes(".")) continue;
    const rule = FIELD_UNITS.find(([pattern]) => pattern.test(name));
    if (rule && !sameDimensions(rule[1], a.unit) && !(a.node.k === "const" && a.node.value === 0)) {
      problems.push({
        code: "unit-mismatch",
        message: `${name} is ${describeUnit(a.unit)}; expected ${rule[2]}`,
        ...at(source),
      });
      continue;
    }
    if (NON_NEGATIVE.test(name) && a.node.k === "const" && a.node.value < 0) {
      problems.push({
        code: "negative-amount",
        message: `${name} is ${formatQuantity(a.node.value, a.unit)}; it cannot be negative`,
        ...at(source),
      });
    }
    if (name.endsWith(".watts_per_gpu") && a.node.k === "const" && a.node.value === 0) {
      problems.push({
        code: "parameter-out-of-range",
        message: `${name} is 0: a GPU draws some power`,
        ...at(source),
      });
    }
  }
  for (const c of scenario.system.contracts) {
    if (c.type !== "equity") continue;
    const cap = byName.get(`${c.id}.cap`);
    const perGw = byName.get(`${c.id}.per_gw`);
    if (c.per_gw !== undefined && (c.capacity ?? []).length === 0 && perGw) {
      problems.push({
        code: "missing-capacity",
        message: `${c.id}: per_gw needs the capacity whose GW it follows (capacity: [id, …])`,
        ...at(perGw.source),
      });
    }
    if (!cap || !perGw || cap.a.node.k !== "const" || perGw.a.node.k !== "const") continue;
    const tranche = perGw.a.node.value * 1e9;
    if (cap.a.node.value < tranche) {
      problems.push({
        code: "cap-below-tranche",
        message: `${c.id}: the cap ${formatQuantity(cap.a.node.value, MONEY)} is below one tranche (${formatQuantity(tranche, MONEY)} per GW)`,
        ...at(cap.source),
      });
    }
  }
  return problems;
}
