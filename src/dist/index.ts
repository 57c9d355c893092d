// Probability distributions: sampling, distribution and quantile functions, moments.
export { cdf, cdfBelow } from "./cdf.js";
export type { Distribution, DistributionKind } from "./distribution.js";
export { finiteDraws } from "./finiteDraws.js";
export { betaDraw, gammaDraw } from "./gammaDraw.js";
export { mean, variance } from "./moments.js";
export { pertShape } from "./pertShape.js";
export { quantile } from "./quantile.js";
export { sampleInto } from "./sampleInto.js";
export { MIN_ACCEPTANCE, pickIndex, sampleOne } from "./sampleOne.js";
export { isContinuous, support } from "./support.js";
