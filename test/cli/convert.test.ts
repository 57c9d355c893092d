// perpetuum convert: each sub-form's JSON reproduces the published figures (10 GW → 4–5 M GPUs,
// 142.688 MW for 100,000 H100s, $50B/GW of which $35B Nvidia, Llama 3's 3.09 h), the steps are
// printed with units, and bad input is a UsageError.
import { describe, expect, it } from "vitest";
import { convertCommand } from "../../src/cli/commands/convert.js";
import type { ConvertFlags } from "../../src/cli/commands/convertFlags.js";
import { UsageError } from "../../src/cli/io.js";
import { captureIo } from "../support/runCli.js";

/** Runs `convert VALUE FLAGS` with captured output. */
function run(value: string | undefined, flags: Partial<ConvertFlags> = {}): string {
  const { io, stdout } = captureIo();
  convertCommand(value, { format: "table", ...flags }, io);
  return stdout();
}

/** The JSON document of `convert VALUE FLAGS --format json`. */
function json(value: string | undefined, flags: Partial<ConvertFlags> = {}) {
  return JSON.parse(run(value, { ...flags, format: "json" }));
}

describe("perpetuum convert", () => {
  it("10GW --watts-per-gpu 2kW / 2.5kW is 5.0 M / 4.0 M GPUs (public:gw-per-gpu-rule)", () => {
    expect(json("10GW", { to: "gpus", wattsPerGpu: "2kW" }).result.gpus).toBe(5_000_000);
    expect(json("10GW", { to: "gpus", wattsPerGpu: "2.5kW" }).result.gpus).toBe(4_000_000);
    expect(run("10 GW", { wattsPerGpu: "2.5 kW" })).toContain(
      "GPUs = power ÷ power per GPU = 10 GW ÷ 2.5 kW = 4,000,000 GPUs",
    );
  });

  it("100000 --chip H100 --to power is 142.688 MW (public:power-method)", () => {
    const doc = json("100000", { chip: "H100", to: "power", overhead: "1.82", pue: "1.12" });
    expect(doc.result.watts).toBe(142_688_000);
    expect(doc.inputs).toMatchObject({ chip: "H100", tdpWatts: 700, overhead: 1.82, pue: 1.12 });
    expect(run("100000", { chip: "h100" })).toContain("100,000 × 1.42688 kW = 142.688 MW");
  });

  it("10GW --to capex is $500B, $350B of it Nvidia's (public:cost-per-gw)", () => {
    const doc = json("10GW", { to: "capex" });
    expect(doc.result).toMatchObject({ totalDollars: 500e9, supplierDollars: 350e9 });
  });

  it("--gpu-hour splits an H100 at $30,000 over 4 years at $0.08/kWh", () => {
    const doc = json(undefined, { gpuHour: true, price: "$30000", life: "4", powerPrice: "0.08" });
    expect(doc.result.capexPerHour).toBeCloseTo(7500 / 8760, 12);
    expect(doc.result.networkingPerHour).toBe(0);
    expect(doc.result.energyPerHour).toBeCloseTo(1.42688 * 0.08, 12);
    expect(
      run(undefined, { gpuHour: true, price: "30000", life: "4", powerPrice: "$0.08" }),
    ).toContain("total = $0.970/h per GPU-hour");
  });

  it("--failures on Llama 3's record is one interruption every 3.09 h (public:failures-llama3)", () => {
    const doc = json(undefined, {
      failures: true,
      gpus: "16384",
      days: "54",
      interruptions: "419",
    });
    expect(doc.result.clusterHoursBetween.toFixed(2)).toBe("3.09");
    expect(doc.result.perGpuYear.toFixed(3)).toBe("0.173");
  });

  it("--chips lists every chip with its TDP and source", () => {
    const doc = json(undefined, { chips: true });
    expect(doc.chips.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["H100", "B200", "GB200", "GB300"]),
    );
    expect(run(undefined, { chips: true })).toMatch(/GB300\s+1\.4 kW/);
  });

  it.each([
    ["no sub-form", undefined, {}],
    ["two sub-forms", "10GW", { chips: true }],
    ["a money value", "$10B", {}],
    ["power to power", "10GW", { to: "power" }],
    ["an unknown chip", "1000", { chip: "TPU9" }],
    [
      "a power where a price is due",
      undefined,
      { gpuHour: true, price: "2kW", life: "4", powerPrice: "0.08" },
    ],
    ["a missing flag", undefined, { failures: true, gpus: "16384", days: "54" }],
    ["a zero", "0", {}],
  ])("rejects %s with a UsageError", (_, value, flags) => {
    expect(() => run(value, flags as Partial<ConvertFlags>)).toThrow(UsageError);
  });
});
