// The quarter's exact clearing (Eisenberg–Noe and Rogers–Veraart on the loop's dense network)
// against a published example, against the sparse network module and the earlier fixed-point
// rule on random networks, and inside the ono scenario with its funding stopped.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrFromEdges } from "../../src/network/csr.js";
import { clearRogersVeraart } from "../../src/network/rogersVeraart.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { clearProRata } from "../../src/sim/clearProRata.js";
import { ClearingWork, clearQuarter } from "../../src/sim/clearQuarter.js";
import { SUPPLIERS } from "../../src/sim/ledger.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";

/** A quarter's obligations as slots: [from, to, amount], outside sectors negative. */
function slotsOf(obligations: ReadonlyArray<readonly [number, number, number]>) {
  return {
    slots: {
      count: obligations.length,
      from: Int32Array.from(obligations, (o) => o[0]),
      to: Int32Array.from(obligations, (o) => o[1]),
    },
    due: Float64Array.from(obligations, (o) => o[2]),
  };
}

function clear(
  cash: readonly number[],
  obligations: ReadonlyArray<readonly [number, number, number]>,
  alpha = 1,
  beta = 1,
) {
  const E = cash.length;
  const { slots, due } = slotsOf(obligations);
  const f = new Float64Array(E);
  const owed = new Float64Array(E);
  const w = new ClearingWork(E);
  clearQuarter(Float64Array.from(cash), slots, due, f, owed, w, alpha, beta);
  return { f, owed, round: w.round, payments: f.map((x, k) => x * (owed[k] as number)) };
}

describe("clearQuarter", () => {
  it("reproduces the three-bank example: node 0 short in round 1, the others in round 2", () => {
    // Node 0 owes 5 to each of nodes 1 and 2 and has 4; nodes 1 and 2 owe 3 each outside and
    // have 1 each. EN: node 0 pays 4 (2 each), nodes 1 and 2 then have 3 and pay in full.
    // RV with alpha = 0.5: node 0 realises 2 (1 each); nodes 1 and 2 then have 2 < 3, default,
    // and realise half their own 1 and all of the 1 received: 1.5 each (Rogers–Veraart's costs).
    const obligations = [
      [0, 1, 5],
      [0, 2, 5],
      [1, SUPPLIERS, 3],
      [2, SUPPLIERS, 3],
    ] as const;
    const en = clear([4, 1, 1], obligations);
    expect(Array.from(en.payments)).toEqual([4, 3, 3]);
    expect(Array.from(en.round)).toEqual([1, 0, 0]);
    const rv = clear([4, 1, 1], obligations, 0.5, 1);
    expect(Array.from(rv.payments)).toEqual([2, 1.5, 1.5]);
    expect(Array.from(rv.round)).toEqual([1, 2, 2]);
  });

  it("pays a zero-cash cycle in full (the greatest of its clearing vectors)", () => {
    const r = clear(
      [0, 0],
      [
        [0, 1, 10],
        [1, 0, 10],
      ],
    );
    expect(Array.from(r.f)).toEqual([1, 1]);
  });

  const network = fc.integer({ min: 2, max: 6 }).chain((E) =>
    fc.record({
      cash: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: E, maxLength: E }),
      obligations: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: E - 1 }),
          fc.integer({ min: -1, max: E - 1 }),
          fc.integer({ min: 1, max: 200 }),
        ),
        { maxLength: 3 * E },
      ),
      alpha: fc.integer({ min: 0, max: 100 }),
      beta: fc.integer({ min: 0, max: 100 }),
    }),
  );

  it("agrees with the sparse Rogers–Veraart module on random networks", () => {
    fc.assert(
      fc.property(network, ({ cash, obligations, alpha, beta }) => {
        const inside = obligations.filter(([i, j]) => j >= 0 && i !== j);
        const E = cash.length;
        const outside = new Float64Array(E);
        for (const [i, j, x] of obligations) if (j < 0) outside[i] = (outside[i] as number) + x;
        const quarter = clear(
          cash,
          [
            ...inside,
            ...obligations.filter(([, j]) => j < 0).map(([i, , x]) => [i, SUPPLIERS, x] as const),
          ],
          alpha / 100,
          beta / 100,
        );
        const reference = clearRogersVeraart(
          {
            liabilities: csrFromEdges(E, inside),
            externalAssets: Float64Array.from(cash),
            externalLiabilities: outside,
          },
          alpha / 100,
          beta / 100,
        );
        quarter.payments.forEach((p, k) => {
          expect(p).toBeCloseTo(reference.payments[k] as number, 8);
          expect(quarter.round[k] !== 0).toBe(reference.defaulted[k] === 1);
        });
      }),
      { seed: 20_261_129, numRuns: 300 },
    );
  });

  it("reaches the fixed point the earlier pro-rata rule iterates to (which it only approaches)", () => {
    fc.assert(
      fc.property(network, ({ cash, obligations }) => {
        const E = cash.length;
        const exact = clear(
          cash,
          obligations.map(([i, j, x]) => [i, j < 0 ? SUPPLIERS : j, x] as const),
        );
        const { slots, due } = slotsOf(
          obligations.map(([i, j, x]) => [i, j < 0 ? SUPPLIERS : j, x] as const),
        );
        const f = new Float64Array(E);
        clearProRata(
          Float64Array.from(cash),
          slots,
          due,
          f,
          new Float64Array(E),
          new Float64Array(E),
        );
        exact.f.forEach((x, k) => {
          expect(x).toBeCloseTo(f[k] as number, 6);
        });
      }),
      { seed: 20_261_130, numRuns: 300 },
    );
  });
});

describe("clearing rules in the ono scenario with OpenAI's funding stopped in 2026Q3", () => {
  const stopped = readFileSync("scenarios/ono.yaml", "utf8").replace(
    /(openai_funding_stop:\n\s+value:) 2040Q1/,
    "$1 2026Q3",
  );
  const run = (clearing: string) => {
    const checked = checkScenario(stopped.replace(/^name: .*$/m, `$&\nclearing: ${clearing}`));
    if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join("; "));
    return simulatePoint(checked.value.scenario, checked.value.model);
  };
  const en = run("eisenberg-noe");

  it("gives the same results under pro-rata as under Eisenberg–Noe, without rounds", () => {
    const pr = run("pro-rata");
    for (const [id, e] of Object.entries(en.entities)) {
      expect(pr.entities[id]?.defaultedAt).toBe(e.defaultedAt);
      pr.entities[id]?.series.cash.forEach((x, q) => {
        expect(x).toBeCloseTo(e.series.cash[q] as number, 0);
      });
    }
    expect(en.events.find((e) => e.type === "default")?.message).toBe(
      "OpenAI defaults in clearing round 1: its remaining contracts stop",
    );
    expect(pr.events.find((e) => e.type === "default")?.message).toBe(
      "OpenAI defaults: its remaining contracts stop",
    );
  });

  it("cascades under Rogers–Veraart default costs: Oracle fails in round 2, money still conserved", () => {
    const rv = run("{method: rogers-veraart, alpha: 0.5, beta: 0.8}");
    expect(en.entities.oracle?.defaultedAt).toBeNull();
    expect(rv.entities.oracle?.defaultedAt).toBe("2027Q1");
    expect(rv.events.filter((e) => e.type === "default").map((e) => e.message)).toEqual([
      "OpenAI defaults in clearing round 1: its remaining contracts stop",
      "Oracle defaults in clearing round 2: its remaining contracts stop",
    ]);
    const lost = rv.flows.filter((f) => f.to === "deadweight");
    expect(lost.map((f) => f.from)).toEqual(["openai", "oracle"]);
    expect(lost.every((f) => f.kind === "default-cost" && f.amount > 1e9)).toBe(true);
    expect(rv.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });
});
