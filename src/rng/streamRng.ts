// Independent random streams keyed by (seed, key, block): xoshiro128** with its whole 128-bit
// state seeded through SplitMix, read from a buffer that is refilled in bulk.

import { hashString, mix32, splitMix32 } from "./mix32.js";
import type { Rng } from "./rng.js";
import { fillXoshiro128 } from "./xoshiro128.js";

/** Words generated per refill: enough for one block of normal draws (about 2 words each). */
export const STREAM_BUFFER = 8192;

const TWO_POW_M53 = 1 / 9007199254740992;

/** An Rng reading 32-bit words from a buffer of xoshiro128** outputs. */
class BufferedStream implements Rng {
  /** Allocated on the first word-by-word draw: bulk users never need it. */
  private words: Int32Array | null;
  private next: number;
  private readonly state: Int32Array;

  constructor(state: Int32Array) {
    this.state = state;
    this.words = null;
    this.next = STREAM_BUFFER;
  }

  nextUint32(): number {
    if (this.next === STREAM_BUFFER) {
      this.words ??= new Int32Array(STREAM_BUFFER);
      fillXoshiro128(this.state, this.words);
      this.next = 0;
    }
    return ((this.words as Int32Array)[this.next++] as number) >>> 0;
  }

  fillInt32(out: Int32Array): void {
    let i = 0;
    const words = this.words;
    if (words !== null)
      while (i < out.length && this.next < STREAM_BUFFER) out[i++] = words[this.next++] as number;
    if (i < out.length) fillXoshiro128(this.state, i === 0 ? out : out.subarray(i));
  }

  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
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
export function streamRng(seed: number, key: string, block: number): Rng {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const base = mix32(mix32(mix32(low) ^ high) ^ hashString(key)) ^ mix32(block + 0x632be5ab);
  const state = Int32Array.from([0, 1, 2, 3], (k) => splitMix32(base, k));
  if (state.every((w) => w === 0)) state[0] = 1;
  return new BufferedStream(state);
}
