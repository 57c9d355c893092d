// Stocks: a stock is its start value in quarter 0 and, in quarter t + 1, its value in quarter t
// plus its flow evaluated in quarter t. Checked with the block evaluator and with point values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { timeVaryingOrder } from "../../src/sim/pointValues.js";
import { checked, indexOf, pointQuarters, sampleQuarters } from "../support/quarterly.js";

const HEAD = "name: t\nstart: 2025Q1\nquarters: 8\nassumptions:\n";

/** The series of `name` over the quarters, in sample `s` (or the point run when `s` is absent). */
function series(text: string, name: string, quarters: number, s?: number): number[] {
  if (s === undefined) {
    const { model, values } = pointQuarters(text, quarters);
    return values.map((v) => v[indexOf(model, name)] as number);
  }
  const { model, values } = sampleQuarters(text, quarters, s + 1);
  return values.map((v) => (v[indexOf(model, name)] as Float64Array)[s] as number);
}

describe("stocks", () => {
  it("a stock with flow 1 counts 0, 1, 2, … (its value at the start of each quarter)", () => {
    const text = `${HEAD}  n: { stock: 0, flow: 1 }\n`;
    expect(series(text, "n", 5, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(series(text, "n", 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it("a flow reading its own stock decays it geometrically: 100 · 0.9^t", () => {
    const text = `${HEAD}  x: { stock: 100, flow: = -x * 10% }\n`;
    for (const got of [series(text, "x", 6, 0), series(text, "x", 6)]) {
      got.forEach((v, t) => {
        expect(v).toBeCloseTo(100 * 0.9 ** t, 10);
      });
    }
  });

  it("two stocks whose flows read each other see each other's start-of-quarter values", () => {
    // a reads b, declared after it; b reads a: no cycle. a(t+1) = a + b, b(t+1) = b - a.
    const text = `${HEAD}  a: { stock: 1, flow: = b }\n  b: { stock: 0, flow: = -a }\n`;
    const expected: [number, number][] = [[1, 0]];
    for (let t = 1; t < 6; t++) {
      const [a, b] = expected[t - 1] as [number, number];
      expected.push([a + b, b - a]);
    }
    for (const s of [0, undefined]) {
      const a = series(text, "a", 6, s);
      const b = series(text, "b", 6, s);
      expect(a.map((v, t) => [v, b[t]])).toEqual(expected);
    }
  });

  it("a formula reading a stock sees the stock's value in the same quarter", () => {
    const text = `${HEAD}  n: { stock: 10, flow: = 2 * t }\n  twice: = n * 2\n`;
    // n: 10, 10, 12, 16, 22 (flow 0, 2, 4, 6 added after quarters 0, 1, 2, 3)
    expect(series(text, "twice", 5, 0)).toEqual([20, 20, 24, 32, 44]);
    expect(series(text, "twice", 5)).toEqual([20, 20, 24, 32, 44]);
  });

  it("an uncertain start value is drawn once per sample, from the stream of the stock's name", () => {
    const stock = sampleQuarters(`${HEAD}  x: { stock: 1 to 2, flow: 1 }\n`, 3, 5000, 7);
    const plain = sampleQuarters(`${HEAD}  x: 1 to 2\n`, 1, 5000, 7);
    const x0 = plain.values[0]?.[0] as Float64Array;
    expect(stock.values[0]?.[0]).toEqual(x0);
    expect(stock.values[2]?.[0]).toEqual(x0.map((v) => v + 2));
  });

  it("gives the same bits whether blocks are evaluated together or one by one", () => {
    const text = `${HEAD}  g: 1% to 5%\n  x: { stock: 100 to 200, flow: = x * g }\n`;
    const together = sampleQuarters(text, 6, 5000, 3);
    const apart = sampleQuarters(text, 6, 5000, 3, true);
    const same = together.values.every((q, t) =>
      q.every((c, i) => c.every((v, s) => Object.is(v, apart.values[t]?.[i]?.[s]))),
    );
    expect(same).toBe(true);
  });

  it("keeps the source and note of a stock, and its unit is its start value's", () => {
    const { model } = checked(
      `${HEAD}  cash: { stock: $10B, flow: = -$1B, source: "seed:cash", note: "opening" }\n`,
    );
    const cash = model.assumptions[indexOf(model, "cash")];
    expect(cash).toMatchObject({ kind: "stock", source: "seed:cash", note: "opening" });
    expect(cash?.kind === "stock" && model.assumptions[cash.flow]?.name).toBe("cash.flow");
    expect(cash?.unit.money).toBe(1);
  });

  it("timeVaryingOrder puts each stock before its flow and before what reads it", () => {
    const { model } = checked(
      `${HEAD}  r: = s * 2\n  s: { stock: 1, flow: 3 }\n  u: { stock: 1, flow: = s + r }\n`,
    );
    const order = timeVaryingOrder(model).map((i) => model.assumptions[i]?.name);
    const at = (name: string) => order.indexOf(name);
    for (const name of ["s", "r", "u", "u.flow"]) expect(at(name)).toBeGreaterThanOrEqual(0);
    expect(at("s")).toBeLessThan(at("r"));
    expect(at("s")).toBeLessThan(at("u.flow"));
    expect(at("r")).toBeLessThan(at("u.flow"));
    expect(at("u")).toBeLessThan(at("u.flow"));
  });
});

describe("M2 (examples/m2.yaml)", () => {
  const text = readFileSync(new URL("../../examples/m2.yaml", import.meta.url), "utf8");
  const n = 10_000;
  const { model, values, issues } = sampleQuarters(text, 24, n, 42);
  const col = (t: number, name: string) => values[t]?.[indexOf(model, name)] as Float64Array;
  const median = (xs: Float64Array) => {
    const s = xs.slice().sort();
    return ((s[(n >> 1) - 1] as number) + (s[n >> 1] as number)) / 2;
  };

  it("matches a direct recomputation from the sampled growth rates in every sample", () => {
    expect(issues.list()).toEqual([]);
    const add = col(0, "add_growth");
    const rev = col(0, "rev_growth");
    for (let s = 0; s < n; s += 97) {
      let gpus = 1e6;
      let cash = 10e9;
      for (let t = 0; t < 24; t++) {
        expect(col(t, "gpus")[s]).toBeCloseTo(gpus, 3);
        expect(col(t, "cash_m2")[s] as number).toBeCloseTo(cash, -1);
        const additions = 200e3 * (1 + (add[s] as number)) ** t;
        gpus += additions - gpus / 20;
        cash += 3e9 * (1 + (rev[s] as number)) ** t - additions * 30e3 - 1e9;
      }
    }
  });

  it("ends with a median cash of about $-270B after quarter 24 (cash_m2 + net_cash in the last quarter)", () => {
    const end = col(23, "cash_m2").map((c, s) => c + (col(23, "net_cash")[s] as number));
    expect(median(end) / 1e9).toBeGreaterThan(-290);
    expect(median(end) / 1e9).toBeLessThan(-250);
  });

  it("runs out of cash in quarter 3 (cash_m2 first negative at the start of quarter 4) in almost every sample", () => {
    let third = 0;
    for (let s = 0; s < n; s++) {
      const first = values.findIndex((v) => (v[indexOf(model, "cash_m2")]?.[s] as number) < 0);
      if (first === 3) third++;
    }
    expect(third / n).toBeGreaterThan(0.99);
  });

  it("agrees with the point run at the medians", () => {
    const point = pointQuarters(text, 24);
    const cash = point.values.map((v) => v[indexOf(point.model, "cash_m2")] as number);
    let expected = 10e9;
    const g = Math.sqrt(0.05 * 0.15); // the median of a lognormal with 90% in [5%, 15%]
    const r = Math.sqrt(0.04 * 0.12);
    cash.forEach((c, t) => {
      expect(c / 1e9).toBeCloseTo(expected / 1e9, 6);
      expected += 3e9 * (1 + r) ** t - 200e3 * (1 + g) ** t * 30e3 - 1e9;
    });
  });
});
