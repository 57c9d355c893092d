// `perpetuum convert`: the hardware arithmetic from the command line, step by step with units:
// power ↔ GPUs (all-in watts per GPU, or chip TDP × overhead × PUE), capex of a power, the cost
// of a GPU-hour, a cluster's failure rates, and the chip table. See docs/hardware.md.

import {
  CAPEX_DOLLARS_PER_WATT,
  capexForPowerWatts,
  NVIDIA_DOLLARS_PER_WATT,
} from "../../hardware/capex.js";
import { CHIPS, type Chip, findChip } from "../../hardware/chips.js";
import { failureRates } from "../../hardware/failures.js";
import { gpuHourCost, HOURS_PER_YEAR } from "../../hardware/gpuHourCost.js";
import {
  allInWattsPerGpu,
  EPOCH_PUE_2024,
  EPOCH_SERVER_OVERHEAD,
  gpusFromPowerWatts,
  powerFromGpusWatts,
} from "../../hardware/power.js";
import { renderTable } from "../../report/table.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { type LiteralMatch, readLiteral } from "../../units/literal.js";
import {
  isDimensionless,
  MONEY,
  PERCENT,
  POWER,
  sameDimensions,
  type Unit,
} from "../../units/unit.js";
import { type Io, UsageError } from "../io.js";

/** Options of `convert` (strings as typed; commander leaves absent ones undefined). */
export interface ConvertFlags {
  /** --to: what to convert the value into. */
  readonly to?: string;
  /** --chip: chip name from the table. */
  readonly chip?: string;
  /** --watts-per-gpu: all-in facility power per GPU (`2.5kW`). */
  readonly wattsPerGpu?: string;
  /** --overhead: server watts per watt of GPU TDP. */
  readonly overhead?: string;
  /** --pue: power usage effectiveness. */
  readonly pue?: string;
  /** --capex-per-gw: total capex per GW (`$50B`). */
  readonly capexPerGw?: string;
  /** --supplier-per-gw: the chip supplier's content per GW (`$35B`). */
  readonly supplierPerGw?: string;
  /** --gpu-hour: cost of a GPU-hour. */
  readonly gpuHour?: boolean;
  /** --price: price of one GPU (`$30000`). */
  readonly price?: string;
  /** --life: useful life in years. */
  readonly life?: string;
  /** --networking: networking capex as a fraction of the GPU price (`10%`). */
  readonly networking?: string;
  /** --utilisation: fraction of full power drawn on average (`80%`). */
  readonly utilisation?: string;
  /** --power-price: electricity, dollars per kWh. */
  readonly powerPrice?: string;
  /** --failures: failure rates from a cluster's record. */
  readonly failures?: boolean;
  /** --gpus: GPUs in the cluster. */
  readonly gpus?: string;
  /** --days: days of the record. */
  readonly days?: string;
  /** --interruptions: unexpected interruptions in the record. */
  readonly interruptions?: string;
  /** --chips: print the chip table. */
  readonly chips?: boolean;
  /** --format. */
  readonly format: "table" | "json";
}

/** What a conversion prints: its steps for people, its document for JSON. */
interface Conversion {
  readonly lines: readonly string[];
  readonly doc: Record<string, unknown>;
}

const POWER_SOURCE = "public:power-method (Epoch AI)";

/** What a flag of `unit` expects, for messages. */
function expected(unit: Unit | null): string {
  if (unit === MONEY) return "a money amount such as $30000";
  if (unit === POWER) return "a power such as 2.5kW";
  if (unit === PERCENT) return "a fraction such as 80% or 0.8";
  return "a number";
}

/** Whether a literal's unit is acceptable where `unit` is expected. */
function fits(got: Unit, unit: Unit | null): boolean {
  const plain = isDimensionless(got) && !got.percent;
  if (unit === null) return plain;
  if (unit === MONEY) return plain || sameDimensions(got, MONEY);
  return sameDimensions(got, unit);
}

/**
 * Reads `text` as a positive literal of `unit`: money (its `$` optional), power, a fraction
 * (`80%` or `0.8`) for PERCENT, a plain number for `null`; throws a UsageError otherwise.
 */
function quantity(flag: string, text: string, unit: Unit | null): number {
  const trimmed = text.trim();
  const m = readLiteral(trimmed, 0);
  const ok =
    m !== null &&
    !("problem" in m) &&
    m.length === trimmed.length &&
    m.value > 0 &&
    fits(m.unit, unit);
  if (!ok) throw new UsageError(`${flag} ${text}: expected ${expected(unit)}, above 0`);
  return (m as LiteralMatch).value;
}

/** A required flag's value. */
function required(flag: string, text: string | undefined, unit: Unit | null): number {
  if (text === undefined) throw new UsageError(`${flag} is required here`);
  return quantity(flag, text, unit);
}

/** The chip named by --chip (H100 by default). */
function chipOf(flags: ConvertFlags): Chip {
  const name = flags.chip ?? "H100";
  const chip = findChip(name);
  if (chip === undefined)
    throw new UsageError(
      `--chip ${name}: unknown chip; known: ${CHIPS.map((c) => c.name).join(", ")}`,
    );
  return chip;
}

/** A count with thousands separators. */
function count(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 3 });
}

/** A number of GPUs, whole. */
function gpuCount(n: number): string {
  return `${n.toLocaleString("en-US", { maximumFractionDigits: 0 })} GPUs`;
}

/** Power shown to six digits (142.688 MW). */
function watts(w: number): string {
  return formatQuantity(w, POWER, 6);
}

/** Dollars per hour to three decimals. */
function perHour(d: number): string {
  return `$${d.toFixed(3)}/h`;
}

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
function fromPower(value: number, text: string, flags: ConvertFlags): Conversion {
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
function fromGpus(gpus: number, text: string, flags: ConvertFlags): Conversion {
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

/** Cost of a GPU-hour. */
function gpuHour(flags: ConvertFlags): Conversion {
  const chip = chipOf(flags);
  const priceDollars = required("--price", flags.price, MONEY);
  const life = required("--life", flags.life, null);
  const dollarsPerKwh = required("--power-price", flags.powerPrice?.replace(/^\$/, ""), null);
  const networkingFraction =
    flags.networking === undefined ? 0 : quantity("--networking", flags.networking, PERCENT);
  const utilisation =
    flags.utilisation === undefined ? 1 : quantity("--utilisation", flags.utilisation, PERCENT);
  const overhead =
    flags.overhead === undefined
      ? EPOCH_SERVER_OVERHEAD
      : quantity("--overhead", flags.overhead, null);
  const pue = flags.pue === undefined ? EPOCH_PUE_2024 : quantity("--pue", flags.pue, null);
  const inputs = {
    chip: chip.name,
    priceDollars,
    depreciationPerYear: 1 / life,
    networkingFraction,
    tdpWatts: chip.tdpWatts,
    overhead,
    utilisation,
    pue,
    dollarsPerKwh,
  };
  const c = gpuHourCost(inputs);
  return {
    lines: [
      `chip: ${chip.description}, TDP ${watts(chip.tdpWatts)} (${chip.source})`,
      `capex = price ÷ life ÷ ${count(HOURS_PER_YEAR)} h = ${formatQuantity(priceDollars, MONEY)} ÷ ${life} y ÷ ${count(HOURS_PER_YEAR)} h = ${perHour(c.capexPerHour)}`,
      `networking = capex × ${formatQuantity(networkingFraction, PERCENT)} = ${perHour(c.networkingPerHour)}`,
      `energy = TDP × overhead × utilisation × PUE × $/kWh = ${chip.tdpWatts} W × ${overhead} × ${utilisation} × ${pue} × $${dollarsPerKwh}/kWh = ${perHour(c.energyPerHour)} (${POWER_SOURCE})`,
      `total = ${perHour(c.totalPerHour)} per GPU-hour`,
    ],
    doc: {
      conversion: "gpu-hour",
      inputs: { ...inputs, lifeYears: life },
      result: c,
      sources: [chip.source, POWER_SOURCE],
    },
  };
}

/** Failure rates from a record. */
function failures(flags: ConvertFlags): Conversion {
  const gpus = required("--gpus", flags.gpus, null);
  const days = required("--days", flags.days, null);
  const interruptions = required("--interruptions", flags.interruptions, null);
  const r = failureRates(gpus, days, interruptions);
  return {
    lines: [
      `record: ${count(gpus)} GPUs, ${count(days)} days, ${count(interruptions)} unexpected interruptions`,
      `cluster: one interruption every ${count(days)} d × 24 h ÷ ${count(interruptions)} = ${r.clusterHoursBetween.toFixed(2)} h`,
      `per GPU: ${count(interruptions)} ÷ (${count(gpus)} GPUs × ${count(days)} d ÷ 365) = ${r.perGpuYear.toFixed(4)} interruptions per GPU-year, one every ${r.gpuYearsBetween.toFixed(2)} GPU-years`,
    ],
    doc: {
      conversion: "failures",
      inputs: { gpus, days, interruptions },
      result: r,
      sources: ["public:failures-llama3 (for Meta's Llama 3 record)"],
    },
  };
}

/** The chip table. */
function chipTable(): Conversion {
  return {
    lines: [
      renderTable(
        ["chip", "TDP", "description", "source"],
        CHIPS.map((c) => [c.name, watts(c.tdpWatts), c.description, c.source]),
      ).trimEnd(),
    ],
    doc: { chips: CHIPS },
  };
}

/** Picks the sub-form from the flags and the value. */
function convert(value: string | undefined, flags: ConvertFlags): Conversion {
  const forms = [flags.chips, flags.gpuHour, flags.failures, value !== undefined].filter(
    Boolean,
  ).length;
  if (forms !== 1)
    throw new UsageError("give one of: a VALUE (10GW or 100000), --gpu-hour, --failures, --chips");
  if (flags.chips) return chipTable();
  if (flags.gpuHour) return gpuHour(flags);
  if (flags.failures) return failures(flags);
  const text = value as string;
  const m = readLiteral(text.trim(), 0);
  if (m === null || "problem" in m || m.length !== text.trim().length || !(m.value > 0))
    throw new UsageError(
      `${text}: expected a power such as 10GW or a number of GPUs such as 100000`,
    );
  if (sameDimensions(m.unit, POWER)) return fromPower(m.value, text, flags);
  if (m.unit.money === 0 && m.unit.power === 0 && !m.unit.percent)
    return fromGpus(m.value, text, flags);
  throw new UsageError(`${text}: expected a power such as 10GW or a number of GPUs such as 100000`);
}

/** Runs `convert`. */
export function convertCommand(value: string | undefined, flags: ConvertFlags, io: Io): void {
  const c = convert(value, flags);
  io.out(
    flags.format === "json" ? `${JSON.stringify(c.doc, null, 2)}\n` : `${c.lines.join("\n")}\n`,
  );
}
