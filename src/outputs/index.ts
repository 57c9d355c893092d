// Declared outputs: compiled at check time into plain-data plans, evaluated per chunk of samples.
export { compileOutputs } from "./compileOutputs.js";
export { evaluateOutputs } from "./evaluateOutputs.js";
export { METRIC_UNITS } from "./metrics.js";
export type { OutputSource } from "./outputSource.js";
export type { OutputInfo, OutputsPlan, Program, SeriesRef, Step } from "./outputsPlan.js";
export type { Recorded } from "./recorded.js";
