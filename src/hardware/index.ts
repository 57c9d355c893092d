// The hardware arithmetic: chips, power ↔ GPUs, capex per GW, GPU-hour cost, failure rates.

export type { CapexSplit } from "./capex.js";
export { CAPEX_DOLLARS_PER_WATT, capexForPowerWatts, NVIDIA_DOLLARS_PER_WATT } from "./capex.js";
export type { Chip } from "./chips.js";
export { CHIPS, findChip } from "./chips.js";
export type { FailureRates } from "./failures.js";
export { failureRates } from "./failures.js";
export type { GpuHourCost, GpuHourInputs } from "./gpuHourCost.js";
export { gpuHourCost, HOURS_PER_YEAR } from "./gpuHourCost.js";
export {
  allInWattsPerGpu,
  EPOCH_PUE_2024,
  EPOCH_PUE_2025,
  EPOCH_SERVER_OVERHEAD,
  facilityPowerWatts,
  gpusFromPowerWatts,
  powerFromGpusWatts,
} from "./power.js";
