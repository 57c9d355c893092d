// Standard normal draws by the ziggurat method.
//
// Marsaglia & Tsang, "The Ziggurat Method for Generating Random Variables" (J. Stat. Software 5,
// 2000), in Doornik's form (ZIGNOR, 2005): 256 layers of equal area v under f(x) = exp(−x²/2),
// the layer index and the signed uniform drawn from independent bits, the tail beyond r by
// Marsaglia's exponential method. Each attempt uses two 32-bit words: the low 8 bits of the first
// pick the layer, its high 21 bits and the second word make a 53-bit uniform in [−1, 1).

import type { Rng } from "./rng.js";

const LAYERS = 256;
const R = 3.6541528853610088;
const V = 0.00492867323399;

/** Layer edges x[0] = v/f(r) > x[1] = r > … > x[256] = 0, and the ratios x[i+1]/x[i]. */
function tables(): { x: Float64Array; ratio: Float64Array } {
  const x = new Float64Array(LAYERS + 1);
  let f = Math.exp(-0.5 * R * R);
  x[0] = V / f;
  x[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    x[i] = Math.sqrt(-2 * Math.log(V / (x[i - 1] as number) + f));
    f = Math.exp(-0.5 * (x[i] as number) ** 2);
  }
  x[LAYERS] = 0;
  const ratio = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) ratio[i] = (x[i + 1] as number) / (x[i] as number);
  return { x, ratio };
}

const { x: X, ratio: RATIO } = tables();
const TWO_POW_M52 = 1 / 4503599627370496;
const TWO_POW_M53 = 1 / 9007199254740992;

/** A uniform in [0, 1) from two words. */
function unit(a: number, b: number): number {
  return ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_POW_M53;
}

/**
 * One try of Marsaglia's (1964) tail method beyond r, from four words: the draw r + a when it is
 * accepted, NaN when another try is needed (the tail loops until a try is accepted).
 */
function tailTry(w0: number, w1: number, w2: number, w3: number): number {
  const a = -Math.log(1 - unit(w0, w1)) / R;
  const b = -Math.log(1 - unit(w2, w3));
  return b + b < a * a ? Number.NaN : R + a;
}

/** The wedge test of layer i > 0 from two words: the draw when accepted, NaN to start over. */
function wedge(u: number, i: number, w0: number, w1: number): number {
  const xi = X[i] as number;
  const xx = u * xi;
  const f0 = Math.exp(-0.5 * (xi * xi - xx * xx));
  const f1 = Math.exp(-0.5 * ((X[i + 1] as number) ** 2 - xx * xx));
  return f1 + unit(w0, w1) * (f0 - f1) < 1 ? xx : Number.NaN;
}

/**
 * The words fillStandardNormal fetches at a time for `draws` draws: two per draw, and enough more
 * for the ~1.2% of attempts that are rejected. A buffer of at least this length can be passed to
 * it, so that a run draws block after block without allocating.
 */
export function normalWords(draws: number): number {
  return 2 * draws + (draws >> 4) + 64;
}

/**
 * Fills `out[from … to − 1]` with independent N(0, 1) draws, taking words from `rng` in bulk. An
 * attempt reads two words; the rare attempts that leave the layer's rectangle read two more for
 * the wedge test, or four per try of the tail method until one is accepted. `scratch` (at least
 * normalWords(to − from) long) holds the words; it is allocated per call when not given. Only its
 * first normalWords(to − from) entries are used, so the draws do not depend on its length.
 *
 * @example fillStandardNormal(streamRng(1, "z", 0), column, 0, 4096)
 */
export function fillStandardNormal(
  rng: Rng,
  out: Float64Array,
  from: number,
  to: number,
  scratch: Int32Array = new Int32Array(normalWords(to - from)),
): void {
  const size = normalWords(to - from);
  if (scratch.length < size)
    throw new RangeError(
      `fillStandardNormal needs ${size} words of scratch, got ${scratch.length}`,
    );
  const words = scratch.subarray(0, size);
  const end = words.length - 6;
  rng.fillInt32(words);
  let j = 0;
  let k = from;
  while (k < to) {
    if (j > end) {
      // Keep the unread words, so that the sequence is exactly the word-by-word one.
      words.copyWithin(0, j);
      rng.fillInt32(words.subarray(words.length - j));
      j = 0;
    }
    const hi = words[j] as number;
    const lo = words[j + 1] as number;
    j += 2;
    const i = hi & (LAYERS - 1);
    const u = ((hi >>> 11) * 4294967296 + (lo >>> 0)) * TWO_POW_M52 - 1;
    if (Math.abs(u) < (RATIO[i] as number)) {
      out[k++] = u * (X[i] as number);
      continue;
    }
    if (i > 0) {
      const z = wedge(u, i, words[j] as number, words[j + 1] as number);
      j += 2;
      if (!Number.isNaN(z)) out[k++] = z;
      continue;
    }
    for (;;) {
      if (j > end) {
        words.copyWithin(0, j);
        rng.fillInt32(words.subarray(words.length - j));
        j = 0;
      }
      const a = tailTry(
        words[j] as number,
        words[j + 1] as number,
        words[j + 2] as number,
        words[j + 3] as number,
      );
      j += 4;
      if (!Number.isNaN(a)) {
        out[k++] = u < 0 ? -a : a;
        break;
      }
    }
  }
}

/**
 * One N(0, 1) draw (the same method, word by word).
 *
 * @example standardNormal(streamRng(1, "z", 0))
 */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const hi = rng.nextUint32();
    const lo = rng.nextUint32();
    const i = hi & (LAYERS - 1);
    const u = ((hi >>> 11) * 4294967296 + (lo >>> 0)) * TWO_POW_M52 - 1;
    if (Math.abs(u) < (RATIO[i] as number)) return u * (X[i] as number);
    if (i > 0) {
      const z = wedge(u, i, rng.nextUint32(), rng.nextUint32());
      if (!Number.isNaN(z)) return z;
      continue;
    }
    for (;;) {
      const a = tailTry(rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32());
      if (!Number.isNaN(a)) return u < 0 ? -a : a;
    }
  }
}
