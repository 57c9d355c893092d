// Where each dollar came from: origin tracing by proportional mixing of each entity's cash pool,
// following every payment of a run in the order it was made.

import type { Flow } from "../sim/result.js";

/** The origins outside the loop, in the order they take in a mix vector (entity labels follow). */
export const OUTSIDE_ORIGINS = ["endCustomers", "investors", "lenders"] as const;

/** Payments for which the payee books revenue (as in the simulation's books). */
export const REVENUE_KINDS: ReadonlySet<string> = new Set([
  "sales",
  "compute",
  "services",
  "hardware",
  "lease",
  "capex",
]);

/** Origin index of the first entity's own label (entity e's is FIRST_LABEL + e). */
export const FIRST_LABEL = OUTSIDE_ORIGINS.length;

/** The outside sectors money enters from, by origin index; any other sector only takes money. */
const SOURCES: ReadonlyMap<string, number> = new Map([
  ["customers", 0],
  ["investors", 1],
  ["lenders", 2],
]);

/** What {@link traceOrigins} follows: the entities, their opening cash and the run's payments. */
export interface OriginInput {
  /** Entity ids; entity e's own label is origin 3 + e. */
  readonly entities: readonly string[];
  /** Each entity's cash before the first quarter. */
  readonly opening: ArrayLike<number>;
  /** Quarter labels of the run (`2025Q1` …), in order. */
  readonly quarters: readonly string[];
  /** Every payment, in the order it was made, each in one of `quarters`. */
  readonly flows: readonly Flow[];
}

/**
 * Dollars by origin. A block of `origins` numbers per entity and year, at
 * `((e * years.length) + y) * origins`: the three outside origins, then one label per entity.
 */
export interface OriginTrace {
  /** Entity ids, as given. */
  readonly entities: readonly string[];
  /** Calendar years, in order. */
  readonly years: readonly number[];
  /** Length of a mix vector: 3 + the number of entities. */
  readonly origins: number;
  /** Revenue received (payments of a revenue kind, from anyone), by the origin it arrived with. */
  readonly revenue: Float64Array;
  /** The part of `revenue` paid by other entities. */
  readonly loopRevenue: Float64Array;
  /** Money paid out (to anyone, for anything), by the origin it left the pool with. */
  readonly spending: Float64Array;
  /** Each entity's pool at the end of each quarter, net of its overdraft (its cash): e * Q + q. */
  readonly closing: Float64Array;
  /** Each entity's pool mix after the last payment: `origins` numbers per entity. */
  readonly mix: Float64Array;
}

/**
 * Follows every dollar through `input.flows` by proportional mixing. Each entity holds one pool
 * of cash with a mix vector (fractions by origin, summing to 1), and an overdraft:
 *
 * - its opening cash is its own money (its label); a negative opening is an overdraft;
 * - money from customers is end customers' money, from investors outside investors', from
 *   lenders lenders'; every other sector only receives;
 * - equity and loans from one entity to another arrive labelled as the provider's own money,
 *   whatever its pool held: the commitment is its own;
 * - any other payment between entities carries the payer's mix, and so does money leaving the
 *   loop, which keeps each pool's mix that of the money still in it;
 * - a payment beyond what the pool holds is funded by the payer's own money: what the pool held
 *   leaves with its mix and the shortfall with the payer's label, as an overdraft;
 *   money arriving while there is an overdraft first pays it off and joins the pool only after.
 *
 * So a pool less its overdraft is always the entity's cash. Mixing money arriving with the pool
 * is a weighted average of two vectors on the simplex, which stays on it: every mix sums to 1 up
 * to rounding. Revenue (a payment of a kind in {@link REVENUE_KINDS}) is attributed by the mix it
 * arrives with. O(flows × origins).
 *
 * @example // investors put 100 in a, a pays b 100 for compute, b pays a 50 for hardware:
 * const t = traceOrigins({ entities: ["a", "b"], opening: [0, 0], quarters: ["2025Q1"], flows });
 * splitOrigins(t, t.revenue, 0, 0) // investors: 1 (b paid a with investors' money), the rest 0
 */
export function traceOrigins(input: OriginInput): OriginTrace {
  const { entities, quarters, flows } = input;
  const E = entities.length;
  const O = FIRST_LABEL + E;
  const index = new Map(entities.map((id, i) => [id, i]));
  const years = [...new Set(quarters.map((q) => Number(q.slice(0, 4))))];
  const Y = years.length;
  const quarterIndex = new Map(quarters.map((q, i) => [q, i]));
  const yearOf = quarters.map((q) => years.indexOf(Number(q.slice(0, 4))));
  const pool = new Float64Array(E);
  const overdraft = new Float64Array(E);
  const mix = new Float64Array(E * O);
  const revenue = new Float64Array(E * Y * O);
  const loopRevenue = new Float64Array(E * Y * O);
  const spending = new Float64Array(E * Y * O);
  const closing = new Float64Array(E * quarters.length);
  const moving = new Float64Array(O);
  for (let e = 0; e < E; e++) {
    const cash = input.opening[e] as number;
    pool[e] = Math.max(0, cash);
    overdraft[e] = Math.max(0, -cash);
    mix[e * O + FIRST_LABEL + e] = 1;
  }

  /** Takes `amount` out of e's pool into `moving` (its mix, then e's label for any shortfall). */
  const withdraw = (e: number, amount: number): void => {
    const held = Math.min(pool[e] as number, amount);
    const short = amount - held;
    for (let o = 0; o < O; o++) moving[o] = (held / amount) * (mix[e * O + o] as number);
    moving[FIRST_LABEL + e] = (moving[FIRST_LABEL + e] as number) + short / amount;
    pool[e] = (pool[e] as number) - held;
    overdraft[e] = (overdraft[e] as number) + short;
  };
  /** Puts `amount` with the mix in `moving` into e's pool, paying off its overdraft first. */
  const deposit = (e: number, amount: number): void => {
    const repaid = Math.min(overdraft[e] as number, amount);
    overdraft[e] = (overdraft[e] as number) - repaid;
    const added = amount - repaid;
    if (added <= 0) return;
    const total = (pool[e] as number) + added;
    const w = added / total;
    for (let o = 0; o < O; o++) {
      const m = mix[e * O + o] as number;
      mix[e * O + o] = m + w * ((moving[o] as number) - m);
    }
    pool[e] = total;
  };
  /** Adds `amount` × `moving` to the block of entity e in year y of `into`. */
  const book = (into: Float64Array, e: number, y: number, amount: number): void => {
    const base = (e * Y + y) * O;
    for (let o = 0; o < O; o++)
      into[base + o] = (into[base + o] as number) + amount * (moving[o] as number);
  };

  /** Records every pool less its overdraft as the closing cash of `quarter`. */
  const record = (quarter: number): void => {
    for (let e = 0; e < E; e++)
      closing[e * quarters.length + quarter] = (pool[e] as number) - (overdraft[e] as number);
  };

  let q = 0;
  for (const f of flows) {
    const fq = quarterIndex.get(f.quarter);
    if (fq === undefined || fq < q)
      throw new RangeError(`a flow in ${f.quarter}: outside the run's quarters or out of order`);
    for (; q < fq; q++) record(q);
    if (!(f.amount > 0)) continue;
    const y = yearOf[fq] as number;
    const from = index.get(f.from);
    const to = index.get(f.to);
    if (from !== undefined) {
      withdraw(from, f.amount);
      book(spending, from, y, f.amount);
      if (to !== undefined && (f.kind === "equity" || f.kind === "loan")) {
        moving.fill(0);
        moving[FIRST_LABEL + from] = 1;
      }
    } else {
      const source = SOURCES.get(f.from);
      if (source === undefined) throw new RangeError(`no money comes from "${f.from}"`);
      moving.fill(0);
      moving[source] = 1;
    }
    if (to === undefined) continue;
    if (REVENUE_KINDS.has(f.kind)) {
      book(revenue, to, y, f.amount);
      if (from !== undefined) book(loopRevenue, to, y, f.amount);
    }
    deposit(to, f.amount);
  }
  for (; q < quarters.length; q++) record(q);
  return { entities, years, origins: O, revenue, loopRevenue, spending, closing, mix };
}

/** A share of money by origin, seen from one entity; the five fractions sum to 1. */
export interface OriginSplit {
  /** End customers' money. */
  readonly endCustomers: number;
  /** Outside investors' money. */
  readonly investors: number;
  /** Lenders' money. */
  readonly lenders: number;
  /** The entity's own money (its opening cash and its own equity or loans) coming back. */
  readonly self: number;
  /** Other entities' own money (their opening cash and their equity or loans). */
  readonly loop: number;
}

/**
 * Entity e's dollars in year y of `amounts` (a block of {@link OriginTrace}) as fractions of
 * their total, with the entity labels folded into `self` (e's own) and `loop` (the others'); null
 * when the total is 0.
 *
 * @example splitOrigins(trace, trace.revenue, 0, 2) // { endCustomers: 0.7, investors: 0.3, … }
 */
export function splitOrigins(
  trace: OriginTrace,
  amounts: Float64Array,
  e: number,
  y: number,
): OriginSplit | null {
  const O = trace.origins;
  const base = (e * trace.years.length + y) * O;
  const total = originTotal(trace, amounts, e, y);
  if (!(total > 0)) return null;
  let others = 0;
  for (let o = FIRST_LABEL; o < O; o++)
    if (o !== FIRST_LABEL + e) others += amounts[base + o] as number;
  const at = (o: number) => (amounts[base + o] as number) / total;
  return {
    endCustomers: at(0),
    investors: at(1),
    lenders: at(2),
    self: at(FIRST_LABEL + e),
    loop: others / total,
  };
}

/** Entity e's total dollars in year y of `amounts` (a block of {@link OriginTrace}). */
export function originTotal(
  trace: OriginTrace,
  amounts: Float64Array,
  e: number,
  y: number,
): number {
  const O = trace.origins;
  const base = (e * trace.years.length + y) * O;
  let total = 0;
  for (let o = 0; o < O; o++) total += amounts[base + o] as number;
  return total;
}
