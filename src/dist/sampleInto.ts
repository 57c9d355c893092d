// Bulk draws into a column: normal draws in bulk and a tight loop for the common kinds,
// sampleOne for the rest.

import { fastExp } from "../math/index.js";
import { fillStandardNormal, type StreamRng } from "../rng/index.js";
import type { Distribution } from "./distribution.js";
import { sampleOne } from "./sampleOne.js";

/**
 * Fills `out[from … to − 1]` with independent draws from `d`, in index order.
 *
 * @example sampleInto({ kind: "lognormal", mu: 0, sigma: 1 }, rng, column, 0, 4096)
 */
export function sampleInto(
  d: Distribution,
  rng: StreamRng,
  out: Float64Array,
  from: number,
  to: number,
): void {
  switch (d.kind) {
    case "constant":
      out.fill(d.value, from, to);
      return;
    case "normal": {
      const { mean, sd } = d;
      fillStandardNormal(rng, out, from, to);
      for (let i = from; i < to; i++) out[i] = mean + sd * (out[i] as number);
      return;
    }
    case "lognormal": {
      const { mu, sigma } = d;
      fillStandardNormal(rng, out, from, to);
      for (let i = from; i < to; i++) out[i] = fastExp(mu + sigma * (out[i] as number));
      return;
    }
    case "uniform": {
      const { min, max } = d;
      const width = max - min;
      for (let i = from; i < to; i++) out[i] = min + width * rng.nextDouble();
      return;
    }
    default:
      for (let i = from; i < to; i++) out[i] = sampleOne(d, rng);
  }
}
