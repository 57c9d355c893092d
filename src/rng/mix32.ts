// Integer mixing for seeding: turns structured inputs (seed, name, block) into well-spread
// 32-bit words.

/**
 * MurmurHash3's 32-bit finaliser (fmix32): a bijection on 32-bit integers whose every output bit
 * depends on every input bit.
 *
 * @example mix32(1) // 1364076727
 */
export function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * FNV-1a hash of a string's UTF-16 code units, finalised by mix32.
 *
 * @example hashString("users") !== hashString("arpu") // true
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * A SplitMix-style sequence of 32-bit words from a 32-bit state: word k is mix32 of the state
 * advanced k times by the golden-ratio increment.
 */
export function splitMix32(state: number, k: number): number {
  return mix32((state + Math.imul(k + 1, 0x9e3779b9)) >>> 0);
}
