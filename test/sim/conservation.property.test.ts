// Property: every sample of every small random scenario conserves money. fast-check builds
// scenarios as YAML text (2–4 entities, contracts of every type, capacity with suppliers, uncertain
// values as `A to B` ranges, 4–12 quarters, every clearing rule, Rogers–Veraart's default costs
// included); each must check without diagnostics, and the point
// run and a 64-sample Monte Carlo run must keep the entities' cash and the outside sectors' flows
// within $1 of each other in every quarter.
//
// The generators draw small integers and indices, and the YAML is rendered from them, so shrinking
// moves towards fewer entities and contracts, fixed values instead of ranges, and absent optional
// fields, while every shrunk scenario stays valid (parties are taken modulo the entity count,
// quarters are clamped to the horizon).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkScenario, type Scenario } from "../../src/index.js";
import type { Model } from "../../src/model/model.js";
import { simulateMonteCarlo } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

// A fixed seed and run count, so that every run tests the same scenarios; set
// PERPETUUM_PROPERTY_SEED and PERPETUUM_PROPERTY_RUNS to search further by hand.
const SEED = Number(process.env.PERPETUUM_PROPERTY_SEED ?? 20_250_401);
const RUNS = Number(process.env.PERPETUUM_PROPERTY_RUNS ?? 100);
const SAMPLES = 64;
const START_YEAR = 2025;

// --- Values ------------------------------------------------------------------------------------

/** A positive value, fixed when `span` is 0, else the 90% interval lo to lo + span (lognormal). */
interface Span {
  readonly lo: number;
  readonly span: number;
}

const span = (min: number, max: number, maxSpan: number): fc.Arbitrary<Span> =>
  fc.record({ lo: fc.integer({ min, max }), span: fc.integer({ min: 0, max: maxSpan }) });

/** Millions of dollars as a literal: `$1.5B`, `$300M`. */
function dollars(millions: number): string {
  return millions % 1000 === 0 ? `$${millions / 1000}B` : `$${millions}M`;
}

function render(s: Span, unit: (n: number) => string): string {
  return s.span === 0 ? unit(s.lo) : `${unit(s.lo)} to ${unit(s.lo + s.span)}`;
}

const money = (s: Span): string => render(s, dollars);
/** A value inside a formula: a range in brackets, since `to` binds more loosely than `*`. */
const term = (s: Span, text: string): string => (s.span === 0 ? text : `(${text})`);
const percent = (s: Span): string => render(s, (n) => `${n}%`);

/** Money in $M: $1M to $20B, widened by up to $10B. */
const moneyArb = (max = 20_000): fc.Arbitrary<Span> => span(1, max, 10_000);
/** A share in whole percent. */
const percentArb = (min: number, max: number, maxSpan: number): fc.Arbitrary<Span> =>
  span(min, max, maxSpan);

/** A per-quarter flow: fixed or uncertain, growing with the clock, or stopping at a quarter. */
type Flow =
  | { readonly k: "plain"; readonly v: Span }
  | { readonly k: "growing"; readonly v: Span; readonly growth: Span }
  | { readonly k: "stops"; readonly v: Span; readonly at: number };

const flowArb = (max?: number): fc.Arbitrary<Flow> =>
  fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ k: fc.constant("plain" as const), v: moneyArb(max) }),
    fc.record({
      k: fc.constant("growing" as const),
      v: moneyArb(max),
      growth: percentArb(1, 10, 10),
    }),
    fc.record({ k: fc.constant("stops" as const), v: moneyArb(max), at: fc.nat(11) }),
  );

// --- Scenario shape ----------------------------------------------------------------------------

interface EntitySpec {
  readonly cash: Span;
  readonly debt: Span | null;
  readonly valuation: Span;
  readonly revenue: Flow | null;
  readonly costs: Flow | null;
  readonly costOfRevenue: Span | null;
  readonly funding: {
    readonly minCash: Span | null;
    readonly equity: Flow | null;
    readonly debt: Flow | null;
    readonly rate: Span | null;
  } | null;
}

/** Two parties as raw numbers: `a` modulo the entity count, `b` another entity. */
interface Parties {
  readonly a: number;
  readonly b: number;
}

type ContractSpec =
  | {
      readonly type: "equity";
      readonly parties: Parties;
      readonly amount: Span;
      readonly perGw: { readonly perGwB: Span; readonly capTranches: number } | null;
      readonly start: number | null;
      readonly length: number | null;
    }
  | {
      readonly type: "purchase";
      readonly parties: Parties;
      readonly kind: "compute" | "hardware" | "services" | null;
      readonly total: boolean;
      readonly value: Span;
      readonly start: number | null;
      readonly quarters: number | null;
      readonly takeOrPay: boolean | null;
    }
  | {
      readonly type: "loan";
      readonly parties: Parties;
      readonly outsideLender: boolean;
      readonly principal: Span;
      readonly rate: Span;
      readonly start: number;
      readonly maturity: number;
      readonly linear: boolean | null;
    }
  | {
      readonly type: "lease";
      readonly parties: Parties;
      readonly amount: Span;
      readonly start: number | null;
      readonly quarters: number | null;
    };

interface CapacitySpec {
  readonly owner: number;
  /** The customer: another entity (offset from the owner), or none. */
  readonly customer: number | null;
  /** Fixed GW from the start, or steps (quarter offset, MW added). */
  readonly online:
    | { readonly k: "fixed"; readonly mw: number }
    | { readonly k: "steps"; readonly steps: ReadonlyArray<readonly [number, number]> };
  readonly watts: Span;
  readonly capexB: Span;
  /** Supplier shares in percent, by offset from the owner; at most 100% in all. */
  readonly suppliers: ReadonlyArray<readonly [number, Span]>;
  readonly usefulLife: number;
  readonly failureRate: Span | null;
}

interface ScenarioSpec {
  /** The clearing rule: a method, or Rogers–Veraart's alpha and beta in percent. */
  readonly clearing: "eisenberg-noe" | "pro-rata" | readonly [number, number];
  readonly quarters: number;
  readonly entities: readonly EntitySpec[];
  readonly capacity: readonly CapacitySpec[];
  readonly contracts: readonly ContractSpec[];
}

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });

const entityArb: fc.Arbitrary<EntitySpec> = fc.record({
  cash: span(500, 50_000, 10_000),
  debt: opt(moneyArb()),
  valuation: span(1_000, 500_000, 100_000),
  revenue: opt(flowArb()),
  costs: opt(flowArb(5_000)),
  costOfRevenue: opt(percentArb(1, 60, 20)),
  funding: opt(
    fc.record({
      minCash: opt(moneyArb(5_000)),
      equity: opt(flowArb()),
      debt: opt(flowArb()),
      rate: opt(percentArb(1, 15, 5)),
    }),
  ),
});

const partiesArb: fc.Arbitrary<Parties> = fc.record({ a: fc.nat(3), b: fc.nat(2) });

const contractArb: fc.Arbitrary<ContractSpec> = fc.oneof(
  fc.record({
    type: fc.constant("equity" as const),
    parties: partiesArb,
    amount: moneyArb(5_000),
    perGw: opt(
      fc.record({ perGwB: span(1, 20, 10), capTranches: fc.integer({ min: 1, max: 10 }) }),
    ),
    start: opt(fc.nat(11)),
    length: opt(fc.nat(11)),
  }),
  fc.record({
    type: fc.constant("purchase" as const),
    parties: partiesArb,
    kind: opt(fc.constantFrom("compute" as const, "hardware" as const, "services" as const)),
    total: fc.boolean(),
    value: moneyArb(),
    start: opt(fc.nat(11)),
    quarters: opt(fc.integer({ min: 1, max: 16 })),
    takeOrPay: opt(fc.boolean()),
  }),
  fc.record({
    type: fc.constant("loan" as const),
    parties: partiesArb,
    outsideLender: fc.boolean(),
    principal: moneyArb(),
    rate: percentArb(1, 15, 5),
    start: fc.nat(11),
    maturity: fc.integer({ min: 1, max: 16 }),
    linear: opt(fc.boolean()),
  }),
  fc.record({
    type: fc.constant("lease" as const),
    parties: partiesArb,
    amount: moneyArb(5_000),
    start: opt(fc.nat(11)),
    quarters: opt(fc.integer({ min: 1, max: 16 })),
  }),
);

const capacityArb: fc.Arbitrary<CapacitySpec> = fc.record({
  owner: fc.nat(3),
  customer: opt(fc.nat(2)),
  online: fc.oneof(
    fc.record({ k: fc.constant("fixed" as const), mw: fc.integer({ min: 0, max: 2_000 }) }),
    fc.record({
      k: fc.constant("steps" as const),
      steps: fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 0, max: 1_000 })), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  ),
  watts: span(1_000, 3_000, 1_000),
  capexB: span(10, 60, 20),
  suppliers: fc.array(fc.tuple(fc.nat(2), percentArb(0, 50, 20)), { maxLength: 3 }),
  usefulLife: fc.integer({ min: 1, max: 8 }),
  failureRate: opt(percentArb(1, 10, 5)),
});

const scenarioArb: fc.Arbitrary<ScenarioSpec> = fc.record({
  clearing: fc.oneof(
    fc.constantFrom("eisenberg-noe" as const, "pro-rata" as const),
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
  ),
  quarters: fc.integer({ min: 4, max: 12 }),
  entities: fc.array(entityArb, { minLength: 2, maxLength: 4 }),
  capacity: fc.array(capacityArb, { maxLength: 2 }),
  contracts: fc.array(contractArb, { maxLength: 6 }),
});

// --- Rendering ---------------------------------------------------------------------------------

function quarterLabel(offset: number): string {
  return `${START_YEAR + Math.floor(offset / 4)}Q${(offset % 4) + 1}`;
}

/** Renders the scenario as YAML text in the language of docs/scenario-language.md. */
function renderScenario(spec: ScenarioSpec): string {
  const n = spec.entities.length;
  const Q = spec.quarters;
  const ids = spec.entities.map((_, i) => `e${i}`);
  const entity = (i: number): string => ids[i % n] as string;
  /** Another entity than `i`, `offset` steps on (offset taken modulo n − 1). */
  const other = (i: number, offset: number): string =>
    ids[((i % n) + 1 + (offset % (n - 1))) % n] as string;
  const clampQ = (offset: number): string => quarterLabel(Math.min(offset, Q - 1));
  const flow = (f: Flow): string => {
    switch (f.k) {
      case "plain":
        return money(f.v);
      case "growing":
        return `= ${term(f.v, money(f.v))} * demand * (1 + ${term(f.growth, percent(f.growth))}) ^ t`;
      case "stops":
        return `= if(now >= ${clampQ(f.at)}, 0, ${term(f.v, money(f.v))})`;
    }
  };
  const lines: string[] = [
    "name: random",
    "description: A random small loop generated by fast-check.",
    `start: ${quarterLabel(0)}`,
    `quarters: ${Q}`,
    typeof spec.clearing === "string"
      ? `clearing: ${spec.clearing}`
      : `clearing: {method: rogers-veraart, alpha: ${spec.clearing[0] / 100}, beta: ${spec.clearing[1] / 100}}`,
    "assumptions:",
    "  demand: 0.8 to 1.2 # a shared factor of the growing flows",
    "entities:",
  ];
  spec.entities.forEach((e, i) => {
    lines.push(
      `  ${ids[i]}:`,
      `    cash: ${money(e.cash)}`,
      `    valuation: ${money(e.valuation)}`,
    );
    if (e.debt) lines.push(`    debt: ${money(e.debt)}`);
    if (e.revenue) lines.push(`    revenue: ${flow(e.revenue)}`);
    if (e.costs) lines.push(`    costs: ${flow(e.costs)}`);
    if (e.costOfRevenue) lines.push(`    cost_of_revenue: ${percent(e.costOfRevenue)}`);
    if (e.funding) {
      const f = e.funding;
      lines.push("    funding:");
      if (f.minCash) lines.push(`      min_cash: ${money(f.minCash)}`);
      if (f.equity) lines.push(`      equity: ${flow(f.equity)}`);
      if (f.debt) lines.push(`      debt: ${flow(f.debt)}`);
      if (f.rate) lines.push(`      rate: ${percent(f.rate)}`);
      if (!f.minCash && !f.equity && !f.debt && !f.rate) lines.push("      min_cash: 0");
    }
  });
  const capacityIds = spec.capacity.map((_, i) => `dc${i}`);
  if (spec.capacity.length > 0) lines.push("capacity:");
  spec.capacity.forEach((c, i) => {
    const owner = entity(c.owner);
    lines.push(`  - id: ${capacityIds[i]}`, `    owner: ${owner}`);
    if (c.customer !== null) lines.push(`    for: ${other(c.owner, c.customer)}`);
    if (c.online.k === "fixed") {
      lines.push(`    online: ${c.online.mw} MW`);
    } else {
      // Cumulative MW at each distinct quarter, in order.
      const added = new Map<number, number>();
      for (const [q, mw] of c.online.steps) {
        const at = Math.min(q, Q - 1);
        added.set(at, (added.get(at) ?? 0) + mw);
      }
      let total = 0;
      const steps = [...added.entries()]
        .sort(([a], [b]) => a - b)
        .map(([q, mw]) => {
          total += mw;
          return `${quarterLabel(q)}: ${total} MW`;
        });
      lines.push(`    online: { ${steps.join(", ")} }`);
    }
    lines.push(
      `    watts_per_gpu: ${render(c.watts, (w) => `${w} W`)}`,
      `    capex_per_gw: ${render(c.capexB, (b) => `$${b}B/GW`)}`,
      `    useful_life: ${c.usefulLife}`,
    );
    if (c.failureRate) lines.push(`    failure_rate: ${percent(c.failureRate)}`);
    // Suppliers: distinct entities other than the owner, shares capped at 100% in all.
    const shares = new Map<string, string>();
    let budget = 100;
    for (const [offset, share] of c.suppliers) {
      if (n < 2) break;
      const supplier = other(c.owner, offset);
      const hi = share.lo + share.span;
      if (shares.has(supplier) || hi > budget) continue;
      budget -= hi;
      shares.set(supplier, percent(share));
    }
    if (shares.size > 0) {
      const list = [...shares].map(([id, s]) => `${id}: ${s}`).join(", ");
      lines.push(`    suppliers: { ${list} }`);
    }
  });
  if (spec.contracts.length > 0) lines.push("contracts:");
  spec.contracts.forEach((c, i) => {
    const a = entity(c.parties.a);
    const b = other(c.parties.a, c.parties.b);
    lines.push(`  - id: c${i}`, `    type: ${c.type}`);
    switch (c.type) {
      case "equity": {
        lines.push(`    investor: ${a}`, `    investee: ${b}`);
        if (c.perGw && capacityIds.length > 0) {
          const perGw = c.perGw.perGwB;
          lines.push(
            `    per_gw: ${render(perGw, (v) => `$${v}B/GW`)}`,
            `    capacity: [${capacityIds.join(", ")}]`,
            `    cap: $${(perGw.lo + perGw.span) * c.perGw.capTranches}B`,
          );
        } else {
          lines.push(`    amount: ${money(c.amount)}`);
        }
        if (c.start !== null) lines.push(`    start: ${clampQ(c.start)}`);
        if (c.length !== null) lines.push(`    end: ${clampQ((c.start ?? 0) + c.length)}`);
        break;
      }
      case "purchase":
        lines.push(`    buyer: ${a}`, `    seller: ${b}`);
        if (c.kind !== null) lines.push(`    kind: ${c.kind}`);
        lines.push(`    ${c.total ? "total" : "amount"}: ${money(c.value)}`);
        if (c.start !== null) lines.push(`    start: ${clampQ(c.start)}`);
        if (c.quarters !== null) lines.push(`    quarters: ${c.quarters}`);
        if (c.takeOrPay !== null) lines.push(`    take_or_pay: ${c.takeOrPay}`);
        break;
      case "loan":
        lines.push(
          `    lender: ${c.outsideLender ? "lenders" : a}`,
          `    borrower: ${b}`,
          `    principal: ${money(c.principal)}`,
          `    rate: ${percent(c.rate)}`,
          `    start: ${clampQ(c.start)}`,
          `    maturity: ${c.maturity}`,
        );
        if (c.linear !== null) lines.push(`    amortization: ${c.linear ? "linear" : "bullet"}`);
        break;
      case "lease":
        lines.push(`    lessor: ${a}`, `    lessee: ${b}`, `    amount: ${money(c.amount)}`);
        if (c.start !== null) lines.push(`    start: ${clampQ(c.start)}`);
        if (c.quarters !== null) lines.push(`    quarters: ${c.quarters}`);
        break;
    }
  });
  return `${lines.join("\n")}\n`;
}

// --- The property ------------------------------------------------------------------------------

function checked(text: string): { scenario: Scenario; model: Model } {
  const r = checkScenario(text);
  if (!r.ok) {
    const messages = r.diagnostics.map((d) => d.message).join("; ");
    throw new Error(`the generated scenario does not check: ${messages}\n${text}`);
  }
  return r.value;
}

/** How many point runs had each type of event (what the property exercised). */
const eventCounts = new Map<string, number>();

/** Checks one scenario; throws (with the scenario's text) when money is not conserved. */
function conserves(spec: ScenarioSpec, seed: number): void {
  const text = renderScenario(spec);
  const { scenario, model } = checked(text);
  const point = simulatePoint(scenario, model);
  for (const type of new Set(point.events.map((e) => e.type))) {
    eventCounts.set(type, (eventCounts.get(type) ?? 0) + 1);
  }
  expect(point.checks.conservation.maxAbsError, text).toBeLessThanOrEqual(1);
  const mc = simulateMonteCarlo(scenario, model, { samples: SAMPLES, seed });
  if (!mc.ok) {
    const messages = mc.diagnostics.map((d) => d.message).join("; ");
    throw new Error(`the Monte Carlo run failed: ${messages}\n${text}`);
  }
  expect(mc.value.checks.conservation.maxAbsError, text).toBeLessThanOrEqual(1);
}

describe("conservation of money (property)", () => {
  it("holds in the point run and in every Monte Carlo sample of random small scenarios", () => {
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 1_000_000 }), conserves), {
      seed: SEED,
      numRuns: RUNS,
    });
    // The scenarios reach every kind of event: funding rounds, tranches, capacity, cuts, defaults.
    for (const type of [
      "equity-round",
      "debt-round",
      "tranche",
      "capacity-online",
      "purchase-cut",
      "missed-payment",
      "default",
      "contract-lost",
    ]) {
      expect(eventCounts.get(type) ?? 0, type).toBeGreaterThan(0);
    }
  });

  it("generates every contract type, capacity with suppliers, and uncertain values", () => {
    const specs = fc.sample(scenarioArb, { seed: SEED, numRuns: RUNS });
    const texts = specs.map(renderScenario);
    const share = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length / RUNS;
    for (const pattern of [
      /type: equity\n {4}investor: \w+\n {4}investee: \w+\n {4}amount:/,
      /per_gw: /,
      /type: purchase/,
      /total: /,
      /take_or_pay: false/,
      /kind: hardware/,
      /type: loan/,
      /lender: lenders/,
      /amortization: linear/,
      /type: lease/,
      /suppliers: \{/,
      / to /,
      /\^ t/,
      /if\(now >= /,
    ]) {
      expect(share(pattern), String(pattern)).toBeGreaterThan(0.05);
    }
  });
});
