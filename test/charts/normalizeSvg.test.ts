// normalizeSvg: markup numbers rounded, shown text untouched, ids renumbered with their references.
import { describe, expect, it } from "vitest";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";

describe("normalizeSvg", () => {
  it("rounds numbers inside tags to two decimals and leaves shown text alone", () => {
    const svg = '<svg><path d="M1.2345 -0.004L3.999 2"></path><text x="1.255">$2.833T</text></svg>';
    expect(normalizeSvg(svg)).toBe(
      '<svg><path d="M1.23 0L4 2"></path><text x="1.25">$2.833T</text></svg>',
    );
  });

  it("renumbers ids in order of appearance, references included", () => {
    const svg =
      '<g clip-path="url(#cab12-1)"></g><clipPath id="cab12-1"></clipPath><clipPath id="cab12-0"></clipPath><use href="#cab12-0"/>';
    expect(normalizeSvg(svg)).toBe(
      '<g clip-path="url(#id0)"></g><clipPath id="id0"></clipPath><clipPath id="id1"></clipPath><use href="#id1"/>',
    );
  });
});
