// xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021): a
// 32-bit generator with 128 bits of state whose every output bit is of full quality.

/**
 * The next output of the generator whose state is `s` (four 32-bit words, not all zero), as a
 * signed 32-bit integer (`w >>> 0` is the unsigned word); advances `s`. The bulk normal sampler
 * (ziggurat.ts) runs the same step with the state in locals.
 *
 * @example nextXoshiro128(Int32Array.of(1, 2, 3, 4)) // 11520 (reference value)
 */
export function nextXoshiro128(s: Int32Array): number {
  const s0 = s[0] as number;
  const s1 = s[1] as number;
  const s2 = (s[2] as number) ^ s0;
  const s3 = (s[3] as number) ^ s1;
  const m = Math.imul(s1, 5);
  s[0] = s0 ^ s3;
  s[1] = s1 ^ s2;
  s[2] = s2 ^ (s1 << 9);
  s[3] = (s3 << 11) | (s3 >>> 21);
  return Math.imul((m << 7) | (m >>> 25), 9);
}
