// Capital cost of AI data centres per gigawatt, and the chip supplier's share of it. Huang:
// about $50B per GW, of which about $35B is Nvidia's content (public:cost-per-gw); Bernstein puts
// the total at about $35B per GW (public:cost-per-gw-low).

/** Huang's all-in capex per watt: $50B per GW (public:cost-per-gw). */
export const CAPEX_DOLLARS_PER_WATT = 50;

/** Huang's Nvidia content per watt: $35B per GW (public:cost-per-gw). */
export const NVIDIA_DOLLARS_PER_WATT = 35;

/** Capex of a build-out and the supplier's part. */
export interface CapexSplit {
  /** Total capex, dollars. */
  readonly totalDollars: number;
  /** The supplier's content, dollars. */
  readonly supplierDollars: number;
  /** Everything else (buildings, power, cooling, other vendors), dollars. */
  readonly otherDollars: number;
  /** The supplier's share of the total (0–1). */
  readonly supplierShare: number;
}

/**
 * Capex of `watts` of capacity at `dollarsPerWatt`, with the supplier's `supplierDollarsPerWatt`.
 *
 * @example capexForPowerWatts(10e9, 50, 35) // total $500B, supplier $350B, share 0.7
 */
export function capexForPowerWatts(
  watts: number,
  dollarsPerWatt: number = CAPEX_DOLLARS_PER_WATT,
  supplierDollarsPerWatt: number = NVIDIA_DOLLARS_PER_WATT,
): CapexSplit {
  const totalDollars = watts * dollarsPerWatt;
  const supplierDollars = watts * supplierDollarsPerWatt;
  return {
    totalDollars,
    supplierDollars,
    otherDollars: totalDollars - supplierDollars,
    supplierShare: supplierDollarsPerWatt / dollarsPerWatt,
  };
}
