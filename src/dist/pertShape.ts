// The beta shape parameters of a PERT distribution.

/**
 * Beta-PERT (λ = 4) on [min, max] with mode m is min + (max − min)·Beta(α, β) with
 * α = 1 + 4(m − min)/(max − min), β = 1 + 4(max − m)/(max − min).
 *
 * @example pertShape(0, 1, 4) // { alpha: 2, beta: 4 }
 */
export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const range = max - min;
  return { alpha: 1 + (4 * (mode - min)) / range, beta: 1 + (4 * (max - mode)) / range };
}
