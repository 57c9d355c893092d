// Special functions against reference values (R and closed forms, cited per case).
import { describe, expect, it } from "vitest";
import { incompleteBeta, inverseNormalCdf, logGamma, normalCdf } from "../../src/math/index.js";

describe("special functions", () => {
  it.each([
    [-1.96, 0.0249978951482204], // R: pnorm(-1.96)
    [1, 0.841344746068543], // R: pnorm(1)
    [-6, 9.86587645037698e-10], // R: pnorm(-6)
    [-10, 7.61985302416047e-24], // R: pnorm(-10)
  ])("normalCdf(%d) = %d", (x, p) => {
    expect(normalCdf(x) / p).toBeCloseTo(1, 12);
  });

  it.each([
    [0.95, 1.6448536269514722], // R: qnorm(0.95)
    [0.001, -3.090232306167813], // R: qnorm(0.001)
    [0.5, 0],
    [1e-10, -6.361340902404056], // R: qnorm(1e-10)
  ])("inverseNormalCdf(%d) = %d", (p, x) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(x, 11);
  });

  it.each([
    [0.5, 0.5723649429247001], // ln √π
    [10, Math.log(362880)], // ln 9!
    [0.1, 2.252712651734206], // R: lgamma(0.1)
  ])("logGamma(%d) = %d", (x, y) => {
    expect(logGamma(x)).toBeCloseTo(y, 12);
  });

  it.each([
    [0.3, 2, 5, 0.579825], // R: pbeta(0.3, 2, 5)
    [0.5, 0.5, 0.5, 0.5], // symmetry
    [0.9, 10, 2, 0.6973568802], // R: pbeta(0.9, 10, 2)
  ])("incompleteBeta(%d, %d, %d) = %d", (x, a, b, y) => {
    expect(incompleteBeta(x, a, b)).toBeCloseTo(y, 9);
  });
});
