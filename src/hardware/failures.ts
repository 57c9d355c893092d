// Interruptions of a training cluster from its record. Meta's Llama 3 run: 16,384 H100s over 54
// days, 419 unexpected interruptions, about one every 3.1 hours (public:failures-llama3).

/** Days in a (non-leap) year. */
const DAYS_PER_YEAR = 365;

/** Rates read from a cluster's record. */
export interface FailureRates {
  /** Mean time between interruptions of the whole cluster, hours. */
  readonly clusterHoursBetween: number;
  /** Interruptions per GPU per year. */
  readonly perGpuYear: number;
  /** Mean time between interruptions of one GPU, years (1 ÷ perGpuYear). */
  readonly gpuYearsBetween: number;
}

/**
 * Failure rates of a cluster of `gpus` GPUs that had `interruptions` over `days`.
 *
 * @example failureRates(16_384, 54, 419) // clusterHoursBetween 3.093, perGpuYear 0.1729
 */
export function failureRates(gpus: number, days: number, interruptions: number): FailureRates {
  const perGpuYear = interruptions / (gpus * (days / DAYS_PER_YEAR));
  return {
    clusterHoursBetween: (days * 24) / interruptions,
    perGpuYear,
    gpuYearsBetween: 1 / perGpuYear,
  };
}
