// The web app's logic outside the browser: sliders found in ono and rewriting its numbers with
// the units kept, problems formatted as the CLI prints them, the URL's packing and limit, and an
// engine that generates no code, which the page's Content-Security-Policy would refuse.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { BUILT_IN_DIR } from "../../src/cli/readScenarioFile.js";
import { MAX_SCENARIO_BYTES } from "../../src/defaults.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";
import { compileSystem } from "../../src/sim/compiledSystem.js";
import { monteCarloJob } from "../../src/sim/monteCarloJob.js";
import { runMonteCarloJob } from "../../src/sim/simulateMonteCarlo.js";
import { webAssembly } from "../../src/wasm/platform.js";
import { runMonteCarlo, runPoint } from "../../web/src/engine.js";
import { runReport } from "../../web/src/report.js";
import { findSliders, rewriteEnd, sliderRange, writeNumber } from "../../web/src/sliders.js";
import { hashFor, packText, parseHash, unpackText } from "../../web/src/urlState.js";

const ono = readFileSync(join(BUILT_IN_DIR, "ono.yaml"), "utf8");

/** ono's sliders. */
function onoSliders() {
  const checked = checkScenario(ono);
  if (!checked.ok) throw new Error("ono does not check");
  return findSliders(ono, checked.value.scenario.assumptions);
}

describe("sliders", () => {
  it("are found for literal numbers and 90% intervals, not formulas or quarters", () => {
    const sliders = onoSliders();
    const names = sliders.map((s) => s.name);
    expect(names).toContain("capex_per_gw");
    expect(names).toContain("oracle_contract");
    expect(names).not.toContain("consumer_revenue");
    expect(names).not.toContain("openai_funding_stop");
    const capex = sliders.find((s) => s.name === "capex_per_gw");
    expect(capex?.ends.map((e) => [e.value, e.pattern])).toEqual([
      [35, "$…B"],
      [60, "$…B"],
    ]);
    const watts = sliders.find((s) => s.name === "watts_per_gpu");
    expect(watts?.ends.map((e) => e.pattern)).toEqual(["… W", "… W"]);
    for (const s of sliders)
      for (const e of s.ends) expect(ono.slice(e.start, e.start + e.length)).toMatch(/^-?[\d.]+$/);
  });

  it("rewrite one number in place, keeping the unit and moving later offsets", () => {
    const sliders = onoSliders();
    const { step } = sliderRange(sliders.find((s) => s.name === "capex_per_gw")!);
    const once = rewriteEnd(ono, sliders, "capex_per_gw", 0, 40, step);
    expect(once.text).toBe(ono.replace("value: $35B to $60B", "value: $40B to $60B"));
    const twice = rewriteEnd(once.text, once.sliders, "capex_per_gw", 1, 125, step);
    expect(twice.text).toBe(ono.replace("value: $35B to $60B", "value: $40B to $125B"));
    const checked = checkScenario(twice.text);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(findSliders(twice.text, checked.value.scenario.assumptions)).toEqual(twice.sliders);
  });

  it("keep an interval's ends in order and numbers without $ at or above zero", () => {
    const sliders = onoSliders();
    const low = rewriteEnd(ono, sliders, "capex_per_gw", 0, 99, 1);
    expect(low.text).toContain("value: $60B to $60B");
    const rate = rewriteEnd(ono, sliders, "debt_rate", 0, -3, 0.1);
    expect(rate.text).toContain("value: 0% to 9%");
    const loss = rewriteEnd(ono, sliders, "openai_loss_2025", 0, -7.25, 0.01);
    expect(loss.text).toContain("value: $-7.25B");
  });

  it("write numbers without float noise, as literals the checker reads", () => {
    expect(writeNumber(0.1 + 0.2, 0.1)).toBe("0.3");
    expect(writeNumber(40.00000001, 1)).toBe("40");
    expect(writeNumber(1e21, 1)).toBe("1e+21");
  });
});

describe("the engine's answers", () => {
  it("list problems exactly as the CLI prints them, with line and column", () => {
    const text = ono.replace("value: $35B to $60B", "value: $35B to");
    const reply = runPoint({ kind: "point", id: 1, name: "ono", text });
    const checked = checkScenario(text);
    if (checked.ok) throw new Error("expected problems");
    expect(reply.problems.map((p) => p.text).join("\n")).toBe(
      formatDiagnostics("ono", text, checked.diagnostics),
    );
    const line = text.split("\n").findIndex((l) => l.includes("value: $35B to")) + 1;
    expect(reply.problems[0]).toMatchObject({ line });
    expect(reply.problems[0]?.text.startsWith(`ono:${line}:`)).toBe(true);
    expect(reply.view).toBeNull();
  });
});

describe("the URL's state", () => {
  it("round-trips a scenario's text and view", async () => {
    const hash = await hashFor({ name: "my scenario.yaml", text: ono }, "tables");
    const state = parseHash(hash);
    expect(state.view).toBe("tables");
    expect(state.scenario).toMatchObject({ kind: "text", name: "my scenario.yaml" });
    if (state.scenario?.kind !== "text") throw new Error("expected a text");
    expect(await unpackText(state.scenario.packed)).toEqual({ ok: true, text: ono });
    expect(hash.length).toBeLessThan(ono.length);
  });

  it("names a built-in instead of its text", async () => {
    expect(await hashFor({ builtIn: "ono" }, "overview")).toBe("#s=ono&v=overview");
    expect(parseHash("#s=ono&v=events")).toEqual({
      scenario: { kind: "builtIn", name: "ono" },
      view: "events",
    });
    expect(parseHash("#s=../x").scenario).toBeNull();
  });

  it("refuses texts over the CLI's size limit, and damaged ones", async () => {
    const big = deflateRawSync(Buffer.alloc(MAX_SCENARIO_BYTES + 1, "#")).toString("base64url");
    expect(await unpackText(big)).toEqual({
      ok: false,
      message: "the scenario in the URL is larger than 4 MB, the limit of scenario files",
    });
    expect((await unpackText("!!!")).ok).toBe(false);
    expect((await unpackText(await packText("x").then((p) => `A${p}`))).ok).toBe(false);
  });
});

describe("the web engine", () => {
  /**
   * Runs `fn` with `new Function` and WebAssembly's compiler replaced by stubs that count their
   * calls and throw, as a page's Content-Security-Policy refuses them.
   */
  function countingGeneratedCode(fn: () => unknown): {
    calls: number;
    compiles: number;
    value: unknown;
  } {
    const realFunction = globalThis.Function;
    const realWasm = webAssembly();
    if (realWasm === null) throw new Error("no WebAssembly here");
    let calls = 0;
    let compiles = 0;
    globalThis.Function = function refused() {
      calls++;
      throw new EvalError("code generation refused");
    } as unknown as FunctionConstructor;
    vi.stubGlobal("WebAssembly", {
      Memory: realWasm.Memory,
      Instance: realWasm.Instance,
      Module: function refused() {
        compiles++;
        throw new Error("WebAssembly compilation refused");
      },
    });
    try {
      const value = fn();
      return { calls, compiles, value };
    } finally {
      globalThis.Function = realFunction;
      vi.unstubAllGlobals();
    }
  }

  it("runs the Monte Carlo and the report without trying to generate code", () => {
    const request = { id: 1, name: "ono", text: ono, samples: 300, seed: 2 };
    const mc = countingGeneratedCode(() => runMonteCarlo({ kind: "monteCarlo", ...request }));
    expect(mc.calls).toBe(0);
    expect(mc.compiles).toBe(0);
    expect(mc.value).toMatchObject({ failure: null });
    const report = countingGeneratedCode(() => runReport({ kind: "report", ...request }));
    expect(report.calls).toBe(0);
    expect(report.compiles).toBe(0);
    expect(report.value).toMatchObject({ failure: null });
  });

  it("where the CLI's runs do try, and fall back to the interpreter when both are refused", () => {
    const checked = checkScenario(ono);
    if (!checked.ok) throw new Error("ono does not check");
    const { scenario, model, correlation, outputs } = checked.value;
    const job = monteCarloJob(scenario, model, compileSystem(scenario, model), {
      samples: 300,
      seed: 2,
      correlation,
      outputs,
    });
    const refused = countingGeneratedCode(() => runMonteCarloJob(structuredClone(job)));
    expect(refused.compiles).toBeGreaterThan(0);
    expect(refused.calls).toBeGreaterThan(0);
    expect(refused.value).toEqual(runMonteCarloJob(structuredClone(job)));
  });
});
