// Kernels compiled to WebAssembly give the column interpreter's bits and issues: random models
// over every operation, with stocks and the clock, evaluated over several quarters with the
// columns in a WebAssembly memory; assumptions that draw inside a formula get JavaScript kernels
// between the compiled ones, and a platform without WebAssembly gets them throughout, with the
// same bits.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { columnMemory } from "../../src/sample/columnMemory.js";
import { fuseKernels } from "../../src/sample/fusedKernel.js";
import { compileProgram } from "../../src/sample/program.js";
import { wasmKernel, wasmKernels } from "../../src/sample/wasmKernel.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { checked, sampleQuarters } from "../support/quarterly.js";
import { HEAD, randomScenario, SAMPLES } from "../support/randomModels.js";

/**
 * Every quarter's values and the issues, as plain data: interpreted, or with kernels in memory;
 * over an odd number of samples, so that the kernels' last sample takes their one-lane loop.
 */
function evaluated(text: string, how: "interpreter" | "memory", byBlock = false) {
  const { values, issues } = sampleQuarters(
    text,
    4,
    SAMPLES + 1,
    3,
    byBlock,
    how === "interpreter" ? 0 : undefined,
    undefined,
    how === "memory",
  );
  return { values: values.map((q) => q.map((c) => [...c])), issues: issues.list() };
}

/** Whether every order of `text` (first and later quarters) compiles to WebAssembly. */
function compiles(text: string): boolean {
  const { model } = checked(text);
  const program = compileProgram(model);
  const memory = columnMemory(model.assumptions.length, SAMPLES, false);
  if (memory === null) return false;
  return [true, false].every((first) => wasmKernel(program, program.order, first, memory) !== null);
}

describe("kernels compiled to WebAssembly", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("give the interpreter's values and issues, in the same order, for random models", () => {
    let compiled = 0;
    fc.assert(
      fc.property(randomScenario(false), (text) => {
        fc.pre(checkScenario(text).ok);
        expect(compiles(text)).toBe(true);
        compiled++;
        const interpreted = evaluated(text, "interpreter");
        expect(evaluated(text, "memory")).toEqual(interpreted);
        expect(evaluated(text, "memory", true)).toEqual(interpreted);
      }),
      { numRuns: 60 },
    );
    expect(compiled).toBeGreaterThan(30);
  });

  it("trace a division by zero, a log of a negative and an overflowing stock as the interpreter does", () => {
    const text = `${HEAD}  x: -1 to 1\n  z: = if(x < 0, 0, x)\n  y: = 1 / z\n  l: = log(x) * 2 ^ t\n  s: { stock: 1, flow: = s * 1e200 }\n`;
    expect(compiles(text)).toBe(true);
    const interpreted = evaluated(text, "interpreter");
    expect(interpreted.issues.map((i) => i.reason)).toEqual([
      "division-by-zero",
      "log-domain",
      "not-finite",
    ]);
    expect(evaluated(text, "memory")).toEqual(interpreted);
  });

  it("compare as the interpreter does at ties, and compute every other operation alike", () => {
    const text = `${HEAD}  x: -1 to 1\n  c: = (t < 2) + (t <= 2) * 2 + (t > 2) * 4 + (t >= 2) * 8 + (t == 2) * 16 + (t != 2) * 32\n  m: = min(x, 0) + max(x, 0) * 2 + abs(x) * 3 + clamp(x, -0.5, 0.5) * 4 + sqrt(abs(x)) + exp(x) + 2 ^ t + abs(x) ^ 0.5 - -x / 3\n  i: = if(x > 0, x, -1) + if(c - 26, 1, 0) * year\n`;
    expect(compiles(text)).toBe(true);
    const interpreted = evaluated(text, "interpreter");
    const compiled = evaluated(text, "memory");
    expect(compiled).toEqual(interpreted);
    expect(compiled.values.map((q) => q[1]?.[0])).toEqual([35, 35, 26, 44]);
  });

  it("hand samples whose finite values overflow when summed to the one-by-one evaluation, which writes them", () => {
    const text = `${HEAD}  a: 1e308\n  b: = a * (0.5 to 1)\n  c: = -a\n`;
    const interpreted = evaluated(text, "interpreter");
    expect(interpreted.issues).toEqual([]);
    expect(interpreted.values[0]?.[2]?.[5]).toBe(-1e308);
    const js = sampleQuarters(text, 4, SAMPLES + 1, 3).values.map((q) => q.map((c) => [...c]));
    expect(js).toEqual(interpreted.values);
    const simple = `${HEAD}  a: 1e308\n  b: = a * (t + 1)\n`;
    expect(compiles(simple)).toBe(true);
    expect(evaluated(simple, "memory")).toEqual(evaluated(simple, "interpreter"));
  });

  it("are not made for an order that draws inside a formula, whose assumptions that do get JavaScript kernels", () => {
    const text = `${HEAD}  x: 1 to 2\n  y: = x * (1 to 2)\n  z: = y + x\n  w: = z * (0 to 1) + y\n`;
    expect(compiles(text)).toBe(false);
    const { model } = checked(text);
    const program = compileProgram(model);
    const memory = columnMemory(model.assumptions.length, SAMPLES, false);
    if (memory === null) throw new Error("no WebAssembly memory");
    const toJavaScript: number[][] = [];
    const kernels = wasmKernels(program, program.order, true, memory, (segment) => {
      toJavaScript.push([...segment]);
      return fuseKernels(program, segment, true);
    });
    expect(toJavaScript).toEqual([[1], [3]]);
    expect(kernels?.map((k) => [...k.order])).toEqual([[0], [1], [2], [3]]);
    expect(evaluated(text, "memory")).toEqual(evaluated(text, "interpreter"));
  });

  it("evaluate random models that draw inside formulas as the interpreter does", () => {
    fc.assert(
      fc.property(randomScenario(true), (text) => {
        fc.pre(checkScenario(text).ok);
        expect(evaluated(text, "memory")).toEqual(evaluated(text, "interpreter"));
      }),
      { numRuns: 30 },
    );
  });

  it("leave the columns to JavaScript where the platform has no WebAssembly", () => {
    const text = `${HEAD}  x: 1 to 2\n  s: { stock: = x * 3, flow: = s / 10 + t }\n`;
    const compiled = evaluated(text, "memory");
    vi.stubGlobal("WebAssembly", undefined);
    expect(columnMemory(2, SAMPLES, false)).toBeNull();
    expect(compiles(text)).toBe(false);
    expect(evaluated(text, "interpreter")).toEqual(compiled);
  });

  it("write only the columns of their memory's views, at each view's offset", () => {
    const text = `${HEAD}  x: 2\n  y: = x * 3 + t\n`;
    const { model } = checked(text);
    const program = compileProgram(model);
    const memory = columnMemory(2, 10, false);
    if (memory === null) throw new Error("no WebAssembly memory");
    const kernel = wasmKernel(program, program.order, true, memory);
    expect(kernel?.run(memory.columns, 4, 3, 7, 0, 0)).toBe(0);
    expect([...(memory.columns[0] as Float64Array)]).toEqual([0, 0, 0, 0, 2, 2, 2, 0, 0, 0]);
    expect([...(memory.columns[1] as Float64Array)]).toEqual([0, 0, 0, 0, 13, 13, 13, 0, 0, 0]);
    expect(new Float64Array(memory.memory.buffer, 160).every((v) => v === 0)).toBe(true);
  });
});
