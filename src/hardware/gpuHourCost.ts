// Cost of one GPU-hour, in three parts: the hardware amortised over its life, a share for the
// interconnect and networking bought with it, and the energy the GPU and its server draw.

/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = 8760;

/** Inputs of {@link gpuHourCost}. */
export interface GpuHourInputs {
  /** Purchase price of one GPU, dollars. */
  readonly priceDollars: number;
  /** Annual depreciation rate (1 ÷ useful life in years; 6 years is common, public:useful-life). */
  readonly depreciationPerYear: number;
  /** Interconnect and networking capex as a fraction of the GPU price (Bernstein: 13% vs 39%, public:cost-per-gw-low). */
  readonly networkingFraction: number;
  /** Chip TDP, watts. */
  readonly tdpWatts: number;
  /** Server overhead per watt of TDP (1.82, public:power-method). */
  readonly overhead: number;
  /** Average fraction of that power drawn (0–1). */
  readonly utilisation: number;
  /** Power usage effectiveness of the facility (1.1–1.12, public:power-method). */
  readonly pue: number;
  /** Electricity price, dollars per kWh. */
  readonly dollarsPerKwh: number;
}

/** A GPU-hour's cost by component, dollars per GPU-hour. */
export interface GpuHourCost {
  /** Price × depreciation rate ÷ 8,760 h. */
  readonly capexPerHour: number;
  /** The networking share amortised the same way. */
  readonly networkingPerHour: number;
  /** TDP × overhead × utilisation × PUE ÷ 1000 × $/kWh. */
  readonly energyPerHour: number;
  /** The sum. */
  readonly totalPerHour: number;
}

/**
 * Cost per GPU-hour: amortised capex + networking + energy, each returned separately.
 *
 * @example gpuHourCost({ priceDollars: 30_000, depreciationPerYear: 0.25, networkingFraction: 0,
 *   tdpWatts: 700, overhead: 1.82, utilisation: 1, pue: 1.12, dollarsPerKwh: 0.08 })
 *   // capex $0.856/h, energy $0.114/h
 */
export function gpuHourCost(inputs: GpuHourInputs): GpuHourCost {
  const capexPerHour = (inputs.priceDollars * inputs.depreciationPerYear) / HOURS_PER_YEAR;
  const networkingPerHour = capexPerHour * inputs.networkingFraction;
  const kw = (inputs.tdpWatts * inputs.overhead * inputs.utilisation * inputs.pue) / 1000;
  const energyPerHour = kw * inputs.dollarsPerKwh;
  return {
    capexPerHour,
    networkingPerHour,
    energyPerHour,
    totalPerHour: capexPerHour + networkingPerHour + energyPerHour,
  };
}
