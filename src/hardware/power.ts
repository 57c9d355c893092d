// Power ↔ GPUs. Epoch AI's method (public:power-method): facility power = GPUs × chip TDP ×
// server overhead (1.82: CPUs, memory, networking and fans per watt of GPU) × PUE (1.12 in 2024,
// 1.10 for builds of 2025–26). Or an all-in figure per GPU: Huang's 10 GW ≈ 4–5 million GPUs
// (public:gw-per-gpu-rule, seed:gw-to-gpus) is 2.0–2.5 kW per GPU.

/** Epoch AI's server overhead: watts of server per watt of GPU TDP (public:power-method). */
export const EPOCH_SERVER_OVERHEAD = 1.82;

/** Epoch AI's power usage effectiveness of AI data centres in 2024 (public:power-method). */
export const EPOCH_PUE_2024 = 1.12;

/** Epoch AI's PUE for data centres built in 2025–26 (public:power-method). */
export const EPOCH_PUE_2025 = 1.1;

/**
 * A product of decimal inputs rounded to 12 significant digits, so that 100,000 × 700 × 1.82 ×
 * 1.12 is 142,688,000 and not 142,688,000.00000003: the inputs carry far fewer digits.
 */
function decimalProduct(...factors: number[]): number {
  const product = factors.reduce((a, b) => a * b, 1);
  return product === 0 ? 0 : Number(product.toPrecision(12));
}

/**
 * All-in facility watts per GPU: TDP × server overhead × PUE.
 *
 * @example allInWattsPerGpu(700, 1.82, 1.12) // 1426.88
 */
export function allInWattsPerGpu(tdpWatts: number, overhead: number, pue: number): number {
  return decimalProduct(tdpWatts, overhead, pue);
}

/**
 * Facility power in watts of `gpus` GPUs (Epoch AI's method, public:power-method).
 *
 * @example facilityPowerWatts(100_000, 700, 1.82, 1.12) // 142_688_000 (142.688 MW)
 */
export function facilityPowerWatts(
  gpus: number,
  tdpWatts: number,
  overhead: number,
  pue: number,
): number {
  return decimalProduct(gpus, tdpWatts, overhead, pue);
}

/**
 * GPUs a facility of `facilityWatts` powers at `wattsPerGpu` all-in watts each (the inverse of
 * {@link facilityPowerWatts} with wattsPerGpu = {@link allInWattsPerGpu}).
 *
 * @example gpusFromPowerWatts(10e9, 2500) // 4_000_000 (public:gw-per-gpu-rule)
 */
export function gpusFromPowerWatts(facilityWatts: number, wattsPerGpu: number): number {
  return Number((facilityWatts / wattsPerGpu).toPrecision(12));
}

/**
 * Facility power in watts of `gpus` GPUs at `wattsPerGpu` all-in watts each.
 *
 * @example powerFromGpusWatts(4_000_000, 2500) // 10e9 (10 GW, public:gw-per-gpu-rule)
 */
export function powerFromGpusWatts(gpus: number, wattsPerGpu: number): number {
  return decimalProduct(gpus, wattsPerGpu);
}
