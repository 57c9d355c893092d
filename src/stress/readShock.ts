// Reads one shock of `perpetuum stress` (a small language, documented in docs/stress.md) and
// resolves its names against the scenario: which assumptions it overrides, which company it
// forces into default, which capacity it delays. Problems point at their column in the shock.

import type { CheckedScenario } from "../scenario/checkScenario.js";
import type { Result } from "../scenario/diagnostic.js";
import { quarterLabel } from "../scenario/quarter.js";
import { didYouMean } from "../scenario/suggest.js";
import { fieldName } from "../scenario/system.js";
import { isDimensionless, sameDimensions, type Unit, unitName } from "../units/unit.js";
import { readsYear } from "./applyShocks.js";
import { SHOCK_FORMS, type Shock } from "./shock.js";
import { type Token, tokenize } from "./shockTokens.js";

/** A problem at a token of the shock, reported as a diagnostic at its columns. */
class ShockError extends Error {
  constructor(
    readonly at: Pick<Token, "start" | "end">,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads `text` as a shock on `checked`.
 *
 * @example readShock("funding(openai) = 0 from 2026Q3", ono) // { kind: "set", targets: ["openai.funding.equity", "openai.funding.debt"], value: 0, from: 8106 }
 */
export function readShock(text: string, checked: CheckedScenario): Result<Shock> {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, diagnostics: [tokens] };
  try {
    return { ok: true, value: parse(text, tokens, checked) };
  } catch (error) {
    if (!(error instanceof ShockError)) throw error;
    return {
      ok: false,
      diagnostics: [
        { code: "shock", message: error.message, start: error.at.start, end: error.at.end },
      ],
    };
  }
}

/** Parses the tokens of `text` into a shock on `checked`; throws a ShockError at a bad token. */
function parse(text: string, tokens: readonly Token[], checked: CheckedScenario): Shock {
  const { scenario, model } = checked;
  let k = 0;
  const peek = () => tokens[k] as Token;
  const next = () => tokens[k++] as Token;
  const expect = (what: string, test: (t: Token) => boolean): Token => {
    const t = next();
    if (!test(t))
      throw new ShockError(
        t,
        `expected ${what}, found ${t.kind === "end" ? "the end" : `"${t.text}"`}`,
      );
    return t;
  };
  const punct = (c: string) => expect(`"${c}"`, (t) => t.kind === "punct" && t.text === c);
  const entityIds = scenario.system.entities.map((e) => e.id);
  const capacityIds = scenario.system.capacity.map((c) => c.id);
  const assumptionNames = new Set(model.assumptions.map((a) => a.name));
  const entity = (t: Token): string => {
    if (!entityIds.includes(t.text))
      throw new ShockError(
        t,
        `unknown company "${t.text}"${didYouMean(t.text, entityIds)}; expected one of ${entityIds.join(", ")}`,
      );
    return t.text;
  };
  const inHorizon = (t: Token): number => {
    const q = t.value as number;
    const end = scenario.start + scenario.quarters - 1;
    if (q < scenario.start || q > end)
      throw new ShockError(
        t,
        `${t.text} is outside the scenario's horizon, ${quarterLabel(scenario.start)} to ${quarterLabel(end)}`,
      );
    return q;
  };
  const finish = () => expect("the end of the shock", (t) => t.kind === "end");

  const head = expect(`a shock: one of ${SHOCK_FORMS.join("; ")}`, (t) => t.kind === "name");
  const called = peek().kind === "punct" && peek().text === "(";
  if (called && head.text === "default") {
    punct("(");
    const who = entity(expect("a company", (t) => t.kind === "name"));
    punct(")");
    expect('"at"', (t) => t.kind === "name" && t.text === "at");
    const at = inHorizon(expect("a quarter such as 2027Q2", (t) => t.kind === "quarter"));
    finish();
    return { kind: "default", entity: who, at, text };
  }
  if (called && head.text === "delay") {
    punct("(");
    expect('"capacity"', (t) => t.kind === "name" && t.text === "capacity");
    punct("(");
    const id = expect("a capacity or company id", (t) => t.kind === "name");
    const capacity = capacityIds.includes(id.text)
      ? [id.text]
      : entityIds.includes(id.text)
        ? scenario.system.capacity.filter((c) => c.owner === id.text).map((c) => c.id)
        : null;
    if (capacity === null || capacity.length === 0)
      throw new ShockError(
        id,
        capacity === null
          ? `unknown capacity or company "${id.text}"${didYouMean(id.text, [...capacityIds, ...entityIds])}`
          : `${id.text} owns no capacity to delay`,
      );
    for (const c of capacity) {
      const online = model.assumptions.find((a) => a.name === fieldName(c, "online"));
      if (online !== undefined && readsYear(online.node))
        throw new ShockError(
          id,
          `${c}.online reads the year, which a delay in quarters cannot shift; write its schedule by quarter`,
        );
    }
    punct(")");
    punct(",");
    const by = expect("a delay in quarters such as 2q", (t) => t.kind === "duration");
    punct(")");
    finish();
    return { kind: "delay", capacity, quarters: by.value as number, text };
  }
  let targets: string[];
  if (called && (head.text === "funding" || head.text === "appetite")) {
    punct("(");
    const arg = expect(
      head.text === "funding" ? "a company" : "investors or lenders",
      (t) => t.kind === "name",
    );
    punct(")");
    if (head.text === "funding") {
      const who = entity(arg);
      targets = ["equity", "debt"]
        .map((f) => fieldName(who, "funding", f))
        .filter((n) => assumptionNames.has(n));
      if (targets.length === 0) throw new ShockError(arg, `${who} has no funding policy to shock`);
    } else {
      if (arg.text !== "investors" && arg.text !== "lenders")
        throw new ShockError(arg, `expected investors or lenders, found "${arg.text}"`);
      const field = arg.text === "investors" ? "equity" : "debt";
      targets = entityIds
        .map((id) => fieldName(id, "funding", field))
        .filter((n) => assumptionNames.has(n));
      if (targets.length === 0)
        throw new ShockError(arg, `no company raises ${field} from ${arg.text} in this scenario`);
    }
  } else {
    if (!assumptionNames.has(head.text))
      throw new ShockError(
        head,
        `unknown assumption "${head.text}"${didYouMean(head.text, assumptionNames)}; a shock starts with an assumption's name, funding(…), appetite(…), default(…) or delay(…)`,
      );
    targets = [head.text];
  }
  const op = expect('"=" or "*"', (t) => t.kind === "punct" && (t.text === "=" || t.text === "*"));
  const value = expect("a value such as 0, 0.5 or $10B", (t) => t.kind === "literal");
  for (const name of targets) {
    const a = model.assumptions.find((x) => x.name === name);
    if (a === undefined) continue;
    if (a.kind === "stock")
      throw new ShockError(head, `${name} is a stock; shock its flow (${name}.flow) instead`);
    const unit = value.unit as Unit;
    if (op.text === "*" && !isDimensionless(unit))
      throw new ShockError(value, `a factor has no unit; "${value.text}" is in ${unitName(unit)}`);
    if (op.text === "=" && value.value !== 0 && !sameDimensions(unit, a.unit))
      throw new ShockError(
        value,
        `${name} is in ${unitName(a.unit)}; "${value.text}" is in ${unitName(unit)}`,
      );
  }
  let from = scenario.start;
  if (peek().kind === "name" && peek().text === "from") {
    next();
    from = inHorizon(expect("a quarter such as 2026Q3", (t) => t.kind === "quarter"));
  }
  finish();
  return {
    kind: op.text === "=" ? "set" : "scale",
    targets,
    value: value.value as number,
    from,
    text,
  };
}
