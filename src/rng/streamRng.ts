// Independent random streams keyed by (seed, key, block): xoshiro128** with its whole 128-bit
// state seeded through SplitMix.

import { hashString, mix32, splitMix32 } from "./mix32.js";
import type { Rng } from "./rng.js";
import { nextXoshiro128 } from "./xoshiro128.js";

const TWO_POW_M53 = 1 / 9007199254740992;

/**
 * A stream of xoshiro128** words. Its state is open so that bulk samplers (fillStandardNormal)
 * can run the generator with the state in locals: they read the same words, in the same order,
 * as nextUint32 would, and leave the state after the last word they read.
 */
export class StreamRng implements Rng {
  /** The generator's state: four 32-bit words, not all zero. */
  readonly state: Int32Array;

  constructor(state: Int32Array) {
    this.state = state;
  }

  nextUint32(): number {
    return nextXoshiro128(this.state) >>> 0;
  }

  nextDouble(): number {
    const a = nextXoshiro128(this.state) >>> 5;
    const b = nextXoshiro128(this.state) >>> 6;
    return (a * 67108864 + b) * TWO_POW_M53;
  }
}

/**
 * The random stream for (seed, key, block). Its numbers depend on these three values only: not on
 * other keys, on the order of calls, or on how blocks are shared among threads. `seed` may be any
 * safe integer (both halves of it are used).
 *
 * @example streamRng(1, "users", 0).nextDouble() // the same number on every machine
 */
export function streamRng(seed: number, key: string, block: number): StreamRng {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const base = mix32(mix32(mix32(low) ^ high) ^ hashString(key)) ^ mix32(block + 0x632be5ab);
  const state = new Int32Array(4);
  for (let k = 0; k < 4; k++) state[k] = splitMix32(base, k);
  if (state.every((w) => w === 0)) state[0] = 1;
  return new StreamRng(state);
}
