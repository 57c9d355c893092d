// Networks from published examples, shared by the clearing tests.
import { type Edge, network } from "./clearingOracle.js";

// The example of the R package systemicrisk (Gandy & Veraart), `?default_clearing`: three banks,
// every interbank liability 1/2, external assets (1/2, 5/8, 3/4), external liabilities
// (3/2, 1/2, 1/2). The package prints no output: the tests expect what the algorithms give
// when carried out by hand in exact rational arithmetic.
export const SYSTEMICRISK: Edge[] = [
  [0, 1, 0.5],
  [0, 2, 0.5],
  [1, 0, 0.5],
  [1, 2, 0.5],
  [2, 0, 0.5],
  [2, 1, 0.5],
];
export const systemicrisk = network(SYSTEMICRISK, [1 / 2, 5 / 8, 3 / 4], [3 / 2, 1 / 2, 1 / 2]);

// Rogers & Veraart (2013), the asymmetric six-bank example, as transcribed in the tests of the
// Julia package FinNetValu (bertschi/FinNetValu, test/models/test_rv.jl): no external
// liabilities, external assets (1, 1, 11.51, 1.4, 12.5, 2).
export const ROGERS_VERAART: Edge[] = [
  [0, 1, 4.94],
  [0, 2, 2.47],
  [0, 3, 5.59],
  [1, 0, 6],
  [1, 3, 2],
  [2, 1, 13],
  [3, 5, 8],
  [4, 0, 12],
  [5, 0, 2.79],
  [5, 1, 6.21],
];
export const ROGERS_VERAART_ASSETS = [1, 1, 11.51, 1.4, 12.5, 2];
