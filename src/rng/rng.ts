// The random-number source every sampler draws from. Implementations are seeded explicitly;
// nothing in perpetuum reads a global generator.

/** A seeded stream of uniform random numbers. */
export interface Rng {
  /** The next 32 random bits as an unsigned integer in [0, 2³²). */
  nextUint32(): number;
  /** The next uniform double in [0, 1) with 53 random bits (two words). */
  nextDouble(): number;
}
