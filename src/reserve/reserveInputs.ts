// Draws a reserve's assumptions into the engine's input columns: the written ones through the
// scenario sampler (same seed, same draws), the others filled with their fallbacks.

import { sampleModel } from "../sample/sampleModel.js";
import type { Result } from "../scenario/diagnostic.js";
import { RESERVE_PARAMETERS, type ReserveInputs, type ReserveParameterName } from "./parameters.js";
import type { Reserve } from "./readReserve.js";

/**
 * `samples` draws of every parameter of `reserve`, from `seed`.
 *
 * @example reserveInputs(reserve, 10000, 1) // { ok: true, value: { gpus, price, … } }
 */
export function reserveInputs(
  reserve: Reserve,
  samples: number,
  seed: number,
): Result<ReserveInputs> {
  const drawn = sampleModel(reserve.model, { samples, seed, start: reserve.bought });
  if (!drawn.ok) return drawn;
  const { columns } = drawn.value;
  const byName = new Map(reserve.model.assumptions.map((a, i) => [a.name, columns[i]]));
  const entries = RESERVE_PARAMETERS.map((p) => {
    const column = byName.get(p.name) ?? new Float64Array(samples).fill(p.fallback ?? 0);
    return [p.name, column] as const;
  });
  return {
    ok: true,
    value: Object.fromEntries(entries) as Record<ReserveParameterName, Float64Array>,
  };
}
