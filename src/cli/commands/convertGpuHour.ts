// `perpetuum convert --gpu-hour`: the cost of one GPU-hour as capex (price ÷ life), networking
// (a fraction of capex) and energy (TDP × overhead × utilisation × PUE × $/kWh), step by step.

import { gpuHourCost, HOURS_PER_YEAR } from "../../hardware/gpuHourCost.js";
import { EPOCH_PUE_2024, EPOCH_SERVER_OVERHEAD } from "../../hardware/power.js";
import { formatQuantity } from "../../units/formatQuantity.js";
import { MONEY, PERCENT } from "../../units/unit.js";
import { chipOf } from "./convertChips.js";
import { type ConvertFlags, quantity, required } from "./convertFlags.js";
import { type Conversion, count, perHour, watts } from "./convertOutput.js";
import { POWER_SOURCE } from "./convertPower.js";

/** Cost of a GPU-hour. */
export function gpuHour(flags: ConvertFlags): Conversion {
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
