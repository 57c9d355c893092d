// traceOrigins: hand-worked mixes (funding relabelled as the funder's own, proportional mixing,
// overdrafts funded by the payer), mixes on the simplex for random payments, and on ono the pools
// matching the simulation's cash and revenue.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yearlySum } from "../../src/report/yearly.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import type { Flow } from "../../src/sim/result.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import {
  type OriginInput,
  type OriginTrace,
  originTotal,
  splitOrigins,
  traceOrigins,
} from "../../src/trace/originMix.js";
import { openingCash } from "../../src/trace/traceRun.js";

/** A payment in 2025Q1 (or `quarter`). */
function pay(from: string, to: string, amount: number, kind: string, quarter = "2025Q1"): Flow {
  return { quarter, from, to, contract: "c", kind, amount };
}

/** Traces `flows` between a and b (opening cash as given) over 2025. */
function trace(flows: Flow[], opening: number[] = [0, 0]): OriginTrace {
  return traceOrigins({
    entities: ["a", "b"],
    opening,
    quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"],
    flows,
  });
}

const none = { endCustomers: 0, investors: 0, lenders: 0, self: 0, loop: 0 };

describe("traceOrigins", () => {
  it("passes investors' money on: a pays b with it, and b's payment back to a still carries it", () => {
    const t = trace([
      pay("investors", "a", 100, "equity"),
      pay("a", "b", 100, "compute"),
      pay("b", "a", 50, "hardware"),
    ]);
    expect(splitOrigins(t, t.revenue, 1, 0)).toEqual({ ...none, investors: 1 });
    expect(splitOrigins(t, t.revenue, 0, 0)).toEqual({ ...none, investors: 1 });
    expect(originTotal(t, t.revenue, 0, 0)).toBe(50);
  });

  it("labels equity between entities as the investor's own: a invests in b, b buys from a, a's revenue is all its own", () => {
    const t = trace(
      [
        pay("customers", "a", 300, "sales"),
        pay("a", "b", 100, "equity"),
        pay("b", "a", 100, "hardware"),
      ],
      [0, 0],
    );
    expect(splitOrigins(t, t.loopRevenue, 0, 0)).toEqual({ ...none, self: 1 });
    expect(splitOrigins(t, t.revenue, 0, 0)).toEqual({ ...none, endCustomers: 0.75, self: 0.25 });
    expect(splitOrigins(t, t.spending, 0, 0)).toEqual({ ...none, endCustomers: 1 });
    expect(splitOrigins(t, t.revenue, 1, 0)).toBeNull();
  });

  it("mixes proportionally: 100 of a's own and 300 from customers pay b in the ratio 1:3", () => {
    const t = trace([pay("customers", "a", 300, "sales"), pay("a", "b", 40, "services")], [100, 0]);
    expect(splitOrigins(t, t.revenue, 1, 0)).toEqual({ ...none, endCustomers: 0.75, loop: 0.25 });
  });

  it("counts loans between entities as the lender's own and interest as no revenue", () => {
    const t = trace([
      pay("lenders", "a", 80, "loan"),
      pay("a", "b", 60, "loan"),
      pay("b", "a", 6, "interest", "2025Q2"),
      pay("b", "a", 60, "lease", "2025Q3"),
    ]);
    // b holds 54 of a's money after the interest, so 6 of the 60 is b's own (an overdraft).
    expect(splitOrigins(t, t.revenue, 0, 0)).toEqual({ ...none, self: 0.9, loop: 0.1 });
    expect(originTotal(t, t.revenue, 0, 0)).toBe(60);
    expect(originTotal(t, t.spending, 1, 0)).toBe(66);
  });

  it("funds a payment beyond the pool with the payer's own money, and repays the overdraft first", () => {
    const t = trace([
      pay("customers", "a", 10, "sales"),
      pay("a", "b", 30, "compute"),
      pay("customers", "a", 50, "sales", "2025Q2"),
      pay("a", "b", 30, "compute", "2025Q3"),
    ]);
    // First payment: 10 of customers' money and 20 of a's own; then 20 of the 50 repays the
    // overdraft, 30 of customers' money is left and pays the second payment.
    const b = splitOrigins(t, t.revenue, 1, 0);
    expect(b?.endCustomers).toBeCloseTo(40 / 60, 15);
    expect(b?.loop).toBeCloseTo(20 / 60, 15);
    expect([...t.closing.subarray(0, 4)]).toEqual([-20, 30, 0, 0]);
  });

  it("takes a negative opening cash as an overdraft", () => {
    const t = trace(
      [pay("customers", "a", 50, "sales"), pay("a", "suppliers", 40, "costs")],
      [-20, 0],
    );
    expect(splitOrigins(t, t.spending, 0, 0)).toEqual({ ...none, endCustomers: 0.75, self: 0.25 });
    expect(t.closing[0]).toBe(-10);
  });

  it("throws on money from a sector that only takes money, or flows out of order", () => {
    expect(() => trace([pay("suppliers", "a", 1, "sales")])).toThrow(RangeError);
    expect(() =>
      trace([pay("customers", "a", 1, "sales", "2025Q2"), pay("customers", "a", 1, "sales")]),
    ).toThrow(RangeError);
  });
});

const SECTORS_IN = ["customers", "investors", "lenders"];
const SECTORS_OUT = ["customers", "investors", "lenders", "suppliers", "deadweight"];
const KINDS = ["sales", "compute", "hardware", "capex", "costs", "interest", "loan", "equity"];
const QUARTERS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2"];

/** Random payments among up to 4 entities and the sectors, in quarter order. */
const payments = fc.integer({ min: 1, max: 4 }).chain((E) => {
  const entities = Array.from({ length: E }, (_, i) => `e${i}`);
  const flow = fc.record({
    q: fc.integer({ min: 0, max: QUARTERS.length - 1 }),
    from: fc.constantFrom(...entities, ...SECTORS_IN),
    to: fc.constantFrom(...entities, ...SECTORS_OUT),
    kind: fc.constantFrom(...KINDS),
    amount: fc.oneof(
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      fc.double({ min: 1e6, max: 1e12, noNaN: true }),
    ),
  });
  return fc.record({
    entities: fc.constant(entities),
    opening: fc.array(fc.double({ min: -1e3, max: 1e9, noNaN: true }), {
      minLength: E,
      maxLength: E,
    }),
    flows: fc
      .array(flow, { maxLength: 25 })
      .map((fs) =>
        fs
          .sort((x, y) => x.q - y.q)
          .map(({ q, ...f }) => ({ ...f, quarter: QUARTERS[q] as string, contract: "c" })),
      ),
  });
});

/** Every fraction of every split of `t` is in [0, 1] and they sum to 1 within 1e-12. */
function expectSplitsOnSimplex(t: OriginTrace): void {
  for (const amounts of [t.revenue, t.loopRevenue, t.spending])
    t.entities.forEach((_, e) => {
      t.years.forEach((_, y) => {
        const split = splitOrigins(t, amounts, e, y);
        if (split === null) return;
        const parts = Object.values(split);
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(-1e-12);
        expect(Math.abs(parts.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      });
    });
}

describe("traceOrigins on random payments", () => {
  it("keeps every pool's mix summing to 1 within 1e-12 after every payment", () => {
    fc.assert(
      fc.property(payments, ({ entities, opening, flows }) => {
        for (let k = 0; k <= flows.length; k++) {
          const input: OriginInput = {
            entities,
            opening,
            quarters: QUARTERS,
            flows: flows.slice(0, k),
          };
          const t = traceOrigins(input);
          entities.forEach((_, e) => {
            const mix = t.mix.subarray(e * t.origins, (e + 1) * t.origins);
            for (const m of mix) expect(m).toBeGreaterThanOrEqual(-1e-12);
            expect(Math.abs(mix.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
          });
        }
        expectSplitsOnSimplex(traceOrigins({ entities, opening, quarters: QUARTERS, flows }));
      }),
    );
  });

  it("keeps each pool less its overdraft equal to opening cash plus receipts less payments", () => {
    fc.assert(
      fc.property(payments, ({ entities, opening, flows }) => {
        const t = traceOrigins({ entities, opening, quarters: QUARTERS, flows });
        entities.forEach((id, e) => {
          let cash = opening[e] as number;
          let scale = Math.abs(cash);
          QUARTERS.forEach((quarter, q) => {
            for (const f of flows.filter((x) => x.quarter === quarter)) {
              if (f.to === id) cash += f.amount;
              if (f.from === id) cash -= f.amount;
              scale = Math.max(scale, f.amount);
            }
            const closing = t.closing[e * QUARTERS.length + q] as number;
            expect(Math.abs(closing - cash)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
          });
        });
      }),
    );
  });
});

describe("traceOrigins on ono's point run", () => {
  const checked = checkScenario(readFileSync("scenarios/ono.yaml", "utf8"));
  if (!checked.ok) throw new Error("ono does not check");
  const result = simulatePoint(checked.value.scenario, checked.value.model);
  const ids = Object.keys(result.entities);
  const t = traceOrigins({
    entities: ids,
    opening: openingCash(result),
    quarters: result.quarters,
    flows: result.flows,
  });

  it("leaves each pool less its overdraft equal to the company's cash at every quarter's end", () => {
    ids.forEach((id, e) => {
      const cash = result.entities[id]?.series.cash as number[];
      cash.forEach((x, q) => {
        expect(t.closing[e * result.quarters.length + q]).toBeCloseTo(x, -1);
      });
    });
  });

  it("attributes exactly the revenue the simulation books, every year", () => {
    ids.forEach((id, e) => {
      const booked = yearlySum(result.quarters, result.entities[id]?.series.revenue as number[]);
      booked.forEach((x, y) => {
        expect(Math.abs(originTotal(t, t.revenue, e, y) - x)).toBeLessThanOrEqual(1e-6 * x + 1e-3);
      });
    });
    expectSplitsOnSimplex(t);
  });
});
