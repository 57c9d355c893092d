// The revenue-gap methods analysts quote (Sequoia, Bain, depreciation-based), their parameters,
// and gap files: the public surface of src/gap.

export type { BainInputs } from "./bain.js";
export { bainGap } from "./bain.js";
export type { DepreciationInputs } from "./depreciation.js";
export { depreciationGap } from "./depreciation.js";
export type { GapParameter } from "./methods.js";
export { GAP_METHOD_NAMES, GAP_METHODS, gapParameterProblem, runGapMethod } from "./methods.js";
export type { GapFile, GapPublished } from "./readGapFile.js";
export { gapFileSchema, readGapFile } from "./readGapFile.js";
export type { GapValue } from "./readGapValue.js";
export { readGapValue } from "./readGapValue.js";
export type { SequoiaInputs } from "./sequoia.js";
export { sequoiaGap } from "./sequoia.js";
export type { GapInput, GapMethodName, GapResult, GapStep } from "./step.js";
export { inputStep } from "./step.js";
