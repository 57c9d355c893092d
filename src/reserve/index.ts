// GPU reserves beside gold: the reserve file, its parameters, the Monte Carlo and its summary.

export type {
  ReserveInputs,
  ReserveParameter,
  ReserveParameterName,
} from "./parameters.js";
export { RESERVE_PARAMETERS } from "./parameters.js";
export type { Reserve, ReserveOverrides } from "./readReserve.js";
export { readReserve, reserveFileSchema } from "./readReserve.js";
export { reserveInputs } from "./reserveInputs.js";
export type { ReserveParams } from "./reserveParams.js";
export { readReserveParams } from "./reserveParams.js";
export type { ReservePaths } from "./simulateReserve.js";
export { HOURS_PER_QUARTER, simulateReserve } from "./simulateReserve.js";
export type {
  Band,
  ReserveQuarter,
  ReserveSummary,
  Timing,
} from "./summarizeReserve.js";
export { summarizeReserve } from "./summarizeReserve.js";
