// Every tunable constant of perpetuum, in one place.

/** Monte Carlo samples drawn when the user does not say. */
export const DEFAULT_SAMPLES = 10_000;

/** Seed used when the user does not say. */
export const DEFAULT_SEED = 1;

/** Largest scenario file read, in bytes (a scenario is hand-written text; 4 MiB is generous). */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/** Memory budget for sample columns, in bytes (8 bytes per sample per assumption). */
export const MAX_COLUMN_BYTES = 2 * 1024 ** 3;

/** Years over which hardware bought under a purchase contract is depreciated. */
export const DEFAULT_HARDWARE_LIFE_YEARS = 6;

/**
 * Samples from which `sample` uses every core by default. Starting worker threads costs about
 * 0.15–0.25 s here, more than one thread needs for 10^6 samples of a small model.
 */
export const PARALLEL_MIN_SAMPLES = 4_000_000;

/**
 * Samples from which a Monte Carlo simulation uses every core unless --threads says otherwise.
 * Starting the workers and warming up their compiled code in each costs about 0.3 s on a 2-core
 * machine. Whole `run ono` commands, on one thread, two, and one with the summary helper (medians
 * of 3): at 10^4 samples 0.90, 0.93 and 0.84 s; at 2×10^4 1.38, 1.26 and 1.24 s; at 4×10^4 2.37,
 * 1.81 and 2.02 s.
 */
export const SIMULATION_PARALLEL_MIN_SAMPLES = 20_000;

/**
 * Samples from which a simulation stepped in one thread (below SIMULATION_PARALLEL_MIN_SAMPLES,
 * --threads not given) has a second thread compute its quarter summaries. Starting that thread
 * costs about 30 ms a run: ono at 10^3 samples took 449 ms with it and 417 ms without, at 3×10^3
 * the same, at 5×10^3 612 ms against 628 ms, at 10^4 842 ms against 903 ms (medians of 5 to 15
 * runs).
 */
export const SUMMARY_HELPER_MIN_SAMPLES = 5_000;

/** Memory a Monte Carlo simulation may use (shared columns and summaries plus per-sample state). */
export const MAX_RUN_BYTES = 3.5 * 1024 ** 3;

/** Samples of the report's Monte Carlo when `report --samples` is not given. */
export const DEFAULT_REPORT_SAMPLES = 10_000;

/** The file `report` writes when --out is not given (in the current directory). */
export const DEFAULT_REPORT_FILE = "report.html";

/** The scenario `run`, `report` and `trace` use when none is named. */
export const DEFAULT_SCENARIO = "ono";

/** The reserve `reserve` values when none is named. */
export const DEFAULT_RESERVE = "reserve-h100";

/** Years a reserve is valued over when --years is not given. */
export const DEFAULT_RESERVE_YEARS = 10;

/** The port `serve` listens on when --port is not given. */
export const DEFAULT_PORT = 4173;
