// xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2021): a
// 32-bit generator with 128 bits of state whose every output bit is of full quality. Words are
// produced in bulk with the state held in locals, which is what makes sampling fast in V8.

/**
 * Writes the next `out.length` outputs of the generator whose state is `s` (four 32-bit words,
 * not all zero) into `out`, and advances `s`. Words are kept as signed 32-bit integers, which V8
 * keeps in registers; read them with `>>> 0` for the unsigned value.
 *
 * @example fillXoshiro128(Int32Array.of(1, 2, 3, 4), out) // out[0] = 11520 (reference value)
 */
export function fillXoshiro128(s: Int32Array, out: Int32Array): void {
  let s0 = s[0] as number;
  let s1 = s[1] as number;
  let s2 = s[2] as number;
  let s3 = s[3] as number;
  for (let i = 0; i < out.length; i++) {
    const m = Math.imul(s1, 5);
    out[i] = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}
