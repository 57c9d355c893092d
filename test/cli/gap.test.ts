// perpetuum gap: the built-in gap calculations reproduce the published figures in their JSON
// (Sequoia 2023 200 / 125, 2024 300 / 600 / 500, Bain 2,000 / 800, in $B), the step-by-step
// table of sequoia-2024 is a golden file, and bad methods, params and files are UsageErrors.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GapFlags, gapCommand } from "../../src/cli/commands/gap.js";
import { UsageError } from "../../src/cli/io.js";
import { captureIo } from "../support/runCli.js";

/** Runs `gap` with captured output. */
async function run(target: string | undefined, flags: Partial<GapFlags> = {}) {
  const { io, stdout, stderr } = captureIo();
  let error: unknown = null;
  try {
    await gapCommand(target, { param: [], format: "table", ...flags }, io);
  } catch (e) {
    error = e;
  }
  return { stdout: stdout(), stderr: stderr(), error };
}

interface GapJson {
  method: string;
  inputs: Record<string, number>;
  required: number;
  gap: number;
  steps: { name: string; value: number; unit: string; formula: string; source: string }[];
  published?: { reproduced: boolean };
}

async function json(target: string | undefined, flags: Partial<GapFlags> = {}): Promise<GapJson> {
  const { stdout, error } = await run(target, { ...flags, format: "json" });
  expect(error).toBeNull();
  return JSON.parse(stdout) as GapJson;
}

describe("perpetuum gap NAME --format json", () => {
  it("sequoia-2023: $200B required, $125B hole (public:sequoia-2023)", async () => {
    const r = await json("sequoia-2023");
    expect(r.method).toBe("sequoia");
    expect(r.inputs).toEqual({ nvidiaRunRate: 50e9, gpuShare: 0.5, margin: 0.5, aiRevenue: 75e9 });
    expect(r.required).toBe(200e9);
    expect(r.gap).toBe(125e9);
    expect(r.published?.reproduced).toBe(true);
  });

  it("sequoia-2024: $300B spend, $600B required, $500B hole (public:sequoia-2024)", async () => {
    const r = await json("sequoia-2024");
    expect(r.steps.find((s) => s.name === "dataCentreSpend")?.value).toBe(300e9);
    expect(r.required).toBe(600e9);
    expect(r.gap).toBe(500e9);
    expect(r.steps.find((s) => s.name === "nvidiaRunRate")?.source).toBe("public:sequoia-2024");
  });

  it("bain-2030: $2T required, $800B short (public:bain-2030)", async () => {
    const r = await json("bain-2030");
    expect(r.method).toBe("bain");
    expect(r.required).toBe(2e12);
    expect(r.gap).toBe(800e9);
  });

  it("--param overrides one input of a built-in", async () => {
    const r = await json("sequoia-2024", { param: ["aiRevenue=$200B"] });
    expect(r.gap).toBe(400e9);
    expect(r.steps.find((s) => s.name === "aiRevenue")?.source).toBe("--param");
    expect(r.published?.reproduced).toBe(false);
  });
});

describe("perpetuum gap --method", () => {
  it("runs a method from --param literals alone", async () => {
    const r = await json(undefined, {
      method: "depreciation",
      param: ["capex=$500B", "usefulLife=5", "margin=50%", "revenueInSight=$100B"],
    });
    expect(r.required).toBe(200e9);
    expect(r.gap).toBe(100e9);
  });

  it("prints the sequoia-2024 calculation step by step", async () => {
    const { stdout, error } = await run("sequoia-2024");
    expect(error).toBeNull();
    await expect(stdout).toMatchFileSnapshot("__golden__/gap-sequoia-2024.txt");
  });
});

describe("perpetuum gap errors", () => {
  const message = async (target: string | undefined, flags: Partial<GapFlags>) => {
    const { error } = await run(target, flags);
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  };

  it("names the methods for an unknown one", async () => {
    expect(await message(undefined, { method: "goldman" })).toContain(
      "expected one of sequoia, bain, depreciation",
    );
  });

  it("suggests the parameter for a misspelt one", async () => {
    expect(await message("bain-2030", { param: ["capx=$1T"] })).toContain(
      'unknown parameter "capx" of bain (did you mean "capex"?)',
    );
  });

  it("rejects a value in the wrong unit, a missing '=' and a missing parameter", async () => {
    expect(await message("bain-2030", { param: ["capex=1T"] })).toContain("expected money (USD)");
    expect(await message("bain-2030", { param: ["capex"] })).toContain("expected name=value");
    expect(await message(undefined, { method: "bain", param: ["capex=$1T"] })).toContain(
      "missing --param capexToRevenue",
    );
  });

  it("rejects a method that differs from the file's, and an unknown name", async () => {
    expect(await message("bain-2030", { method: "sequoia" })).toContain("uses the bain method");
    expect(await message("no-such-gap", {})).toContain("no built-in gap calculation");
  });

  it("reports a bad gap file at FILE:LINE:COL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gap-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "name: b\nmethod: bain\ninputs:\n  capex: { value: $500B, source: s }\n  capexToRevenue: { value: 125%, source: s }\n  revenueInSight: { value: $1.2T, source: s }\n",
    );
    const { stderr, error } = await run(file);
    expect(error).toBeInstanceOf(UsageError);
    expect(stderr).toContain(`${file}:5:28: capexToRevenue must be a percentage strictly between`);
  });
});
