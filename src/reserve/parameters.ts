// The parameters of a GPU reserve and of the gold bought with the same money: names, units and
// what each means. A reserve file gives each as a value of the scenario language (`$30k`,
// `2% to 9%`, `= budget / price`); missing optional ones take their neutral default.

import { MONEY, PERCENT, PLAIN, POWER, type Unit } from "../units/unit.js";

/** One parameter of a reserve. */
export interface ReserveParameter {
  /** Its key in the reserve file's `assumptions:`. */
  readonly name: string;
  /** The unit its value must have. */
  readonly unit: Unit;
  /** The value when the file leaves it out, or `null` when it is required. */
  readonly fallback: number | null;
  /** What it means. */
  readonly description: string;
}

/** Every parameter, in the order of the engine's input columns. */
export const RESERVE_PARAMETERS = [
  {
    name: "budget",
    unit: MONEY,
    fallback: 0,
    description: "money to spend, for gpus: = budget / price (not read otherwise)",
  },
  {
    name: "gpus",
    unit: PLAIN,
    fallback: null,
    description: "GPUs bought (may be = budget / price)",
  },
  { name: "price", unit: MONEY, fallback: null, description: "purchase price per GPU" },
  {
    name: "failure_rate",
    unit: PERCENT,
    fallback: 0,
    description: "share of the GPUs still working that fail for good in a year",
  },
  {
    name: "obsolescence",
    unit: PLAIN,
    fallback: 0,
    description: "price-performance gain of new hardware, orders of magnitude a year",
  },
  {
    name: "useful_life",
    unit: PLAIN,
    fallback: 0,
    description: "years of straight-line depreciation to zero (0: none)",
  },
  {
    name: "performance",
    unit: PLAIN,
    fallback: 1,
    description: "performance of one GPU in H100-equivalents (fixed for the held generation)",
  },
  {
    name: "utilization",
    unit: PERCENT,
    fallback: 0,
    description: "share of the hours the working GPUs are rented out (0: kept idle)",
  },
  { name: "rent", unit: MONEY, fallback: 0, description: "rental price per GPU-hour at purchase" },
  {
    name: "rent_decline",
    unit: PERCENT,
    fallback: 0,
    description: "fall of the rental price per year (compounded)",
  },
  { name: "tdp", unit: POWER, fallback: 0, description: "chip thermal design power" },
  {
    name: "server_overhead",
    unit: PLAIN,
    fallback: 1,
    description: "server power over chip power (Epoch AI: 1.82)",
  },
  { name: "pue", unit: PLAIN, fallback: 1, description: "power usage effectiveness of the site" },
  { name: "electricity", unit: MONEY, fallback: 0, description: "price of a kWh" },
  {
    name: "hosting",
    unit: MONEY,
    fallback: 0,
    description: "hosting (or storage) cost per GPU held, per year",
  },
  {
    name: "gold_drift",
    unit: PERCENT,
    fallback: 0,
    description: "expected growth of the gold price, continuously compounded, per year",
  },
  {
    name: "gold_volatility",
    unit: PERCENT,
    fallback: 0,
    description: "volatility of the log gold price per year",
  },
  {
    name: "gold_storage",
    unit: PERCENT,
    fallback: 0,
    description: "storage and insurance cost, share of the gold's value per year",
  },
] as const satisfies readonly ReserveParameter[];

/** The name of a reserve parameter. */
export type ReserveParameterName = (typeof RESERVE_PARAMETERS)[number]["name"];

/** One column of draws per parameter, each of the same length (the number of samples). */
export type ReserveInputs = Readonly<Record<ReserveParameterName, Float64Array>>;
