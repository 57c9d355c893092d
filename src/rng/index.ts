// Seeded random streams and normal draws.
export { BLOCK_SIZE } from "./blockSize.js";
export { hashString, mix32, splitMix32 } from "./mix32.js";
export type { Rng } from "./rng.js";
export { StreamRng, streamRng } from "./streamRng.js";
export { fillStandardNormal, standardNormal } from "./ziggurat.js";
