// axisLabel: chart units read like the project's tables ($1.2T, 45%, 700M, 4.5 GW).
import { describe, expect, it } from "vitest";
import { axisLabel } from "../../src/charts/axisLabel.js";

describe("axisLabel", () => {
  it.each([
    [1.2e12, "money", "$1.2T"],
    [-12.7e9, "money", "$-12.7B"],
    [0, "money", "$0"],
    [0.45, "percent", "45%"],
    [0.30000000000000004, "percent", "30%"],
    [700e6, "count", "700M"],
    [4.5e9, "watts", "4.5 GW"],
  ] as const)("%d in %s reads %s", (value, unit, text) => {
    expect(axisLabel(value, unit)).toBe(text);
  });
});
