// One-at-a-time sensitivity ("tornado"): the output with one uncertain input at its 10th and
// 90th percentiles and every other input at its median.

import { quantile } from "../dist/index.js";
import type { Model } from "../model/model.js";
import { clockAt } from "../sample/evaluateBlocks.js";
import { pointValues } from "../sim/pointValues.js";

/** The output at one input's low and high values. */
export interface TornadoBar {
  /** Index of the input assumption. */
  readonly input: number;
  /** The input's 10th and 90th percentiles. */
  readonly low: number;
  readonly high: number;
  /** The output with the input at low and at high, all else at medians. */
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  readonly swing: number;
}

/** Percentiles of the tornado's low and high ends. */
export const TORNADO_LOW = 0.1;
/** See TORNADO_LOW. */
export const TORNADO_HIGH = 0.9;

/**
 * The low and high ends of `input`'s swing: its 10th and 90th percentiles (`fallback` when it has
 * no single distribution).
 */
export function swingEnds(
  model: Model,
  input: number,
  fallback = 0,
): { readonly low: number; readonly high: number } {
  const dist = model.assumptions[input]?.distribution;
  return {
    low: dist ? quantile(dist, TORNADO_LOW) : fallback,
    high: dist ? quantile(dist, TORNADO_HIGH) : fallback,
  };
}

/**
 * The bar of `input`: `outputAt` evaluated at the ends of its swing (swingEnds; `fallback` when
 * it has no single distribution).
 */
export function swingBar(
  model: Model,
  input: number,
  outputAt: (input: number, value: number) => number,
  fallback = 0,
): TornadoBar {
  const { low, high } = swingEnds(model, input, fallback);
  const outputAtLow = outputAt(input, low);
  const outputAtHigh = outputAt(input, high);
  return {
    input,
    low,
    high,
    outputAtLow,
    outputAtHigh,
    swing: Math.abs(outputAtHigh - outputAtLow),
  };
}

/**
 * Tornado bars of `output` for each of `inputs` (uncertain assumptions), largest swing first.
 * Assumptions that read the clock are evaluated at the scenario's first quarter.
 */
export function tornado(
  model: Model,
  output: number,
  inputs: readonly number[],
  start: number,
): TornadoBar[] {
  const clock = clockAt(start, 0);
  const base = new Float64Array(model.assumptions.length);
  pointValues(model, base, clock, model.evaluationOrder);
  const order = model.evaluationOrder;
  const at = (input: number, value: number): number => {
    const values = Float64Array.from(base);
    values[input] = value;
    const downstream = order.slice(order.indexOf(input) + 1);
    pointValues(model, values, clock, downstream);
    return values[output] as number;
  };
  return inputs
    .map((input) => swingBar(model, input, at, base[input] as number))
    .sort((a, b) => b.swing - a.swing);
}
