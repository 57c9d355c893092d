// Stress shocks: the language's errors (golden files, each at its column), what each kind of
// shock does to the model and the simulation, and that baseline and shocked Monte Carlo runs
// share their draws.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { runMonteCarloJob } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import { applyShocks } from "../../src/stress/applyShocks.js";
import { comparePointRuns } from "../../src/stress/compareRuns.js";
import { readShock } from "../../src/stress/readShock.js";
import type { Shock } from "../../src/stress/shock.js";

const checkedOno = (() => {
  const c = checkScenario(readFileSync("scenarios/ono.yaml", "utf8"));
  if (!c.ok) throw new Error("ono does not check");
  return c.value;
})();

function shocksOf(...texts: string[]): Shock[] {
  return texts.map((t) => {
    const r = readShock(t, checkedOno);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
    return r.value;
  });
}

function runShocked(...texts: string[]) {
  const { scenario, model, correlation } = checkedOno;
  const system = compileSystem(scenario, model);
  const s = applyShocks(model, system, correlation, shocksOf(...texts));
  return {
    baseline: simulatePoint(scenario, model, system),
    shocked: simulatePoint(scenario, s.model, s.system),
  };
}

describe("readShock", () => {
  it("resolves the forms of the language", () => {
    const [funding, scale, set, forced, delay, appetite] = shocksOf(
      "funding(openai) = 0 from 2026Q3",
      "paying_share * 0.5 from 2026Q1",
      "openai_costs = $20B",
      "default(oracle) at 2027Q2",
      "delay(capacity(oracle), 2q)",
      "appetite(lenders) * 0.3 from 2026Q4",
    );
    expect(funding).toMatchObject({
      kind: "set",
      targets: ["openai.funding.equity", "openai.funding.debt"],
      value: 0,
      from: 2026 * 4 + 2,
    });
    expect(scale).toMatchObject({ kind: "scale", targets: ["paying_share"], value: 0.5 });
    expect(set).toMatchObject({ kind: "set", value: 20e9, from: checkedOno.scenario.start });
    expect(forced).toMatchObject({ kind: "default", entity: "oracle", at: 2027 * 4 + 1 });
    expect(delay).toMatchObject({ kind: "delay", capacity: ["oracle-stargate"], quarters: 2 });
    expect(
      appetite?.kind === "scale" && appetite.targets.every((t) => t.endsWith(".funding.debt")),
    ).toBe(true);
  });

  const BAD: Record<string, string> = {
    "unknown-company": "funding(opnai) = 0 from 2026Q3",
    "unknown-assumption": "paying_shares * 0.5",
    "factor-with-unit": "paying_share * $5B",
    "wrong-unit": "openai_costs = 5 GW",
    "outside-horizon": "default(oracle) at 2040Q1",
    "missing-quarter": "default(oracle) at",
    "bad-delay": "delay(capacity(oracle), two)",
    "trailing-text": "paying_share * 0.5 from 2026Q1 until 2027Q1",
    "not-a-shock": "??",
  };
  for (const [name, text] of Object.entries(BAD)) {
    it(`reports ${name}`, async () => {
      const r = readShock(text, checkedOno);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      await expect(`${formatDiagnostics("--shock 1", text, r.diagnostics)}\n`).toMatchFileSnapshot(
        `__golden__/${name}.txt`,
      );
    });
  }
});

describe("applyShocks", () => {
  it("stops OpenAI's funding: it defaults in 2027Q1, Oracle loses $285B of backlog", () => {
    const { baseline, shocked } = runShocked("funding(openai) = 0 from 2026Q3");
    const stress = comparePointRuns(baseline, shocked);
    expect(stress.entities.openai?.defaultedAt).toEqual({ baseline: null, shocked: "2027Q1" });
    expect(stress.entities.oracle?.backlogLost.shocked).toBeCloseTo(285e9, -8);
    expect(stress.cascade[0]?.type).toBe("missed-payment");
    expect(shocked.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });

  it("changes a value only from the shock's quarter on", () => {
    const { baseline, shocked } = runShocked("openai_costs * 2 from 2026Q1");
    const q = baseline.quarters.indexOf("2026Q1");
    const early = (r: typeof baseline) => r.entities.openai?.series.costs.slice(0, q);
    expect(early(shocked)).toEqual(early(baseline));
    expect(shocked.entities.openai?.series.costs[q]).toBeGreaterThan(
      (baseline.entities.openai?.series.costs[q] ?? 0) * 1.5,
    );
  });

  it("forces a default that pays nothing from its quarter on", () => {
    const { shocked } = runShocked("default(oracle) at 2027Q2");
    expect(shocked.entities.oracle?.defaultedAt).toBe("2027Q2");
    const event = shocked.events.find((e) => e.type === "default");
    expect(event?.message).toBe(
      "Oracle defaults (forced by a stress shock): its remaining contracts stop",
    );
    expect(shocked.checks.conservation.maxAbsError).toBeLessThanOrEqual(1);
  });

  it("delays capacity: each GW comes online two quarters later", () => {
    const { baseline, shocked } = runShocked("delay(capacity(oracle), 2q)");
    const gw = (r: typeof baseline) => r.entities.oracle?.series.gw ?? [];
    const first = (xs: number[]) => xs.findIndex((x) => x > 0);
    expect(first(gw(shocked))).toBe(first(gw(baseline)) + 2);
  });

  it("keeps every draw: the shocked Monte Carlo differs only through the shock", () => {
    const { scenario, model, correlation, outputs } = checkedOno;
    const system = compileSystem(scenario, model);
    const s = applyShocks(model, system, correlation, shocksOf("openai_costs * 1 from 2026Q1"));
    const run = (m: typeof model, sys: typeof system, c: typeof correlation) => {
      const r = runMonteCarloJob(
        monteCarloJob(scenario, m, sys, { samples: 300, seed: 7, correlation: c, outputs }),
      );
      if (!r.ok) throw new Error("run failed");
      return r.value.result;
    };
    const a = run(model, system, correlation);
    const b = run(s.model, s.system, s.correlation);
    expect(b.summary).toEqual(a.summary);
    expect(b.probabilities).toEqual(a.probabilities);
  });
});
