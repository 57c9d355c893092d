// The power forms of `perpetuum convert`: a power into GPUs or capex, a number of GPUs into
// facility power, with the all-in watts per GPU given (--watts-per-gpu) or built from the chip's
// TDP × server overhead × PUE (Epoch AI's method).

import {
  CAPEX_DOLLARS_PER_WATT,
  capexForPowerWatts,
  NVIDIA_DOLLARS_PER_WATT,
} from "../../hardware/capex.js";
import {
  allInWattsPerGpu,
  EPOCH_PUE_2024,
  EPOCH_SERVER_OVERHEAD,
  gpusFromPowerWatts,
  powerFromGpusWatts,
} from "../../hardware/power.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY, PERCENT, POWER } from "../../units/unit.js";
import { UsageError } from "../io.js";
import { chipOf } from "./convertChips.js";
import { type ConvertFlags, quantity } from "./convertFlags.js";
import { type Conversion, count, gpuCount, watts } from "./convertOutput.js";

/** The source of TDP × overhead × PUE and of its default overhead and PUE. */
export const POWER_SOURCE = "public:power-method (Epoch AI)";

/** All-in watts per GPU from --watts-per-gpu, else chip TDP × overhead × PUE. */
function wattsPerGpu(flags: ConvertFlags): { perGpu: number; lines: string[]; inputs: object } {
  if (flags.wattsPerGpu !== undefined) {
    const perGpu = quantity("--watts-per-gpu", flags.wattsPerGpu, POWER);
    return {
      perGpu,
      lines: [`all-in power per GPU: ${watts(perGpu)} (given; public:gw-per-gpu-rule: 2.0–2.5 kW)`],
      inputs: { wattsPerGpu: perGpu },
    };
  }
  const chip = chipOf(flags);
  const overhead =
    flags.overhead === undefined
      ? EPOCH_SERVER_OVERHEAD
      : quantity("--overhead", flags.overhead, null);
  const pue = flags.pue === undefined ? EPOCH_PUE_2024 : quantity("--pue", flags.pue, null);
  const perGpu = allInWattsPerGpu(chip.tdpWatts, overhead, pue);
  return {
    perGpu,
    lines: [
      `chip: ${chip.description}, TDP ${watts(chip.tdpWatts)} (${chip.source})`,
      `all-in power per GPU = TDP × overhead × PUE = ${chip.tdpWatts} W × ${overhead} × ${pue} = ${watts(perGpu)} (${POWER_SOURCE})`,
    ],
    inputs: { chip: chip.name, tdpWatts: chip.tdpWatts, overhead, pue, wattsPerGpu: perGpu },
  };
}

/** Power → GPUs or capex. */
export function fromPower(value: number, text: string, flags: ConvertFlags): Conversion {
  const to = flags.to ?? "gpus";
  if (to === "capex") {
    const perGw =
      flags.capexPerGw === undefined
        ? CAPEX_DOLLARS_PER_WATT * 1e9
        : quantity("--capex-per-gw", flags.capexPerGw, MONEY);
    const supplierPerGw =
      flags.supplierPerGw === undefined
        ? NVIDIA_DOLLARS_PER_WATT * 1e9
        : quantity("--supplier-per-gw", flags.supplierPerGw, MONEY);
    const c = capexForPowerWatts(value, perGw / 1e9, supplierPerGw / 1e9);
    return {
      lines: [
        `power: ${watts(value)}`,
        `capex = power × ${formatQuantity(perGw, MONEY)}/GW = ${formatQuantity(c.totalDollars, MONEY)} (public:cost-per-gw)`,
        `supplier's content = power × ${formatQuantity(supplierPerGw, MONEY)}/GW = ${formatQuantity(c.supplierDollars, MONEY)}, ${formatQuantity(c.supplierShare, PERCENT)} of capex`,
        `everything else = ${formatQuantity(c.otherDollars, MONEY)}`,
      ],
      doc: {
        conversion: "power-to-capex",
        inputs: { watts: value, capexPerGw: perGw, supplierPerGw },
        result: c,
        sources: ["public:cost-per-gw"],
      },
    };
  }
  if (to !== "gpus")
    throw new UsageError(`--to ${to}: a power (${text}) converts to gpus or capex`);
  const w = wattsPerGpu(flags);
  const gpus = gpusFromPowerWatts(value, w.perGpu);
  return {
    lines: [
      `power: ${watts(value)}`,
      ...w.lines,
      `GPUs = power ÷ power per GPU = ${watts(value)} ÷ ${watts(w.perGpu)} = ${gpuCount(gpus)}`,
    ],
    doc: {
      conversion: "power-to-gpus",
      inputs: { watts: value, ...w.inputs },
      result: { gpus },
      sources: [flags.wattsPerGpu === undefined ? POWER_SOURCE : "public:gw-per-gpu-rule"],
    },
  };
}

/** GPUs → facility power. */
export function fromGpus(gpus: number, text: string, flags: ConvertFlags): Conversion {
  const to = flags.to ?? "power";
  if (to !== "power")
    throw new UsageError(`--to ${to}: a number of GPUs (${text}) converts to power`);
  const w = wattsPerGpu(flags);
  const power = powerFromGpusWatts(gpus, w.perGpu);
  return {
    lines: [
      `GPUs: ${count(gpus)}`,
      ...w.lines,
      `facility power = GPUs × power per GPU = ${count(gpus)} × ${watts(w.perGpu)} = ${watts(power)}`,
    ],
    doc: {
      conversion: "gpus-to-power",
      inputs: { gpus, ...w.inputs },
      result: { watts: power },
      sources: [flags.wattsPerGpu === undefined ? POWER_SOURCE : "public:gw-per-gpu-rule"],
    },
  };
}
