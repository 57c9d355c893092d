// Chip figures in formulas: tdp(CHIP) is the chip table's power, with a unit, and bad chip names
// are errors at their place.
import { describe, expect, it } from "vitest";
import { compileAssumptions } from "../../src/model/compileAssumptions.js";
import { sampleModel } from "../../src/sample/sampleModel.js";
import { loadScenario } from "../../src/scenario/loadScenario.js";
import { unitName } from "../../src/units/unit.js";

function compile(assumptions: string) {
  const text = `name: t\nstart: 2025Q1\nquarters: 1\nassumptions:\n${assumptions}`;
  const loaded = loadScenario(text);
  expect(loaded.diagnostics).toEqual([]);
  return { text, result: compileAssumptions(loaded.assumptions) };
}

describe("tdp(CHIP) in formulas", () => {
  it("is the chip's power in watts, so Epoch AI's 100,000 H100s come to 142.688 MW", () => {
    const { result } = compile(
      "  gpus: 100000\n  per_gpu: = tdp(h100) * 1.82 * 1.12\n  site: = gpus * per_gpu\n  gb: = tdp(GB300)\n",
    );
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    const model = result.value;
    const at = (name: string) => model.assumptions.findIndex((a) => a.name === name);
    expect(unitName(model.assumptions[at("site")]?.unit ?? model.assumptions[0]!.unit)).toBe("W");
    const drawn = sampleModel(model, { samples: 1, seed: 1, start: 0 });
    if (!drawn.ok) throw new Error("not sampled");
    expect(drawn.value.columns[at("site")]?.[0]).toBeCloseTo(142.688e6, 3);
    expect(drawn.value.columns[at("gb")]?.[0]).toBe(1400);
  });

  it("reports an unknown chip with a suggestion and a non-name argument, at their place", () => {
    const { text, result } = compile("  a: = tdp(GB201)\n  b: = tdp(2)\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [unknown, arity] = result.diagnostics;
    expect(unknown?.message).toContain('unknown chip "GB201" (did you mean "GB200"?)');
    expect(text.slice(unknown?.start, unknown?.end)).toBe("GB201");
    expect(arity?.message).toContain("tdp(chip) takes one chip name");
  });
});
