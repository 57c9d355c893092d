// The output's mean over the lowest and highest tenth of an input's samples, which the report's
// tornado shows for outputs no single input moves on its own.
import { describe, expect, it } from "vitest";
import { tenthMeans } from "../../../src/analysis/tenthMeans.js";

describe("tenthMeans", () => {
  it("averages the output over the tenth of samples with the lowest and the highest input", () => {
    const input = Float64Array.from({ length: 20 }, (_, i) => 20 - i);
    const output = Float64Array.from({ length: 20 }, (_, i) => (i < 2 ? 1 : i === 2 ? 0.5 : 0));
    expect(tenthMeans(input, [output])).toEqual([{ low: 0, high: 1 }]);
  });

  it("takes at least one sample, and breaks ties by sample order", () => {
    expect(tenthMeans(Float64Array.of(3, 3, 3), [Float64Array.of(10, 20, 30)])).toEqual([
      { low: 10, high: 30 },
    ]);
  });

  it("gives each of several outputs what it gives that output alone", () => {
    const input = Float64Array.from({ length: 50 }, (_, i) => (i * 37) % 50);
    const outputs = [0, 1, 2].map((o) =>
      Float64Array.from({ length: 50 }, (_, i) => Math.sin(i * (o + 1))),
    );
    expect(tenthMeans(input, outputs)).toEqual(outputs.flatMap((y) => tenthMeans(input, [y])));
  });
});
