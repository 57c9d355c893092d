// loopDiagram: golden picture, arrow widths to scale, cycle colour, two-way pairs curved apart,
// edges to unknown nodes or with no money skipped, "no data".
import { describe, expect, it } from "vitest";
import { type LoopData, loopDiagram, MAX_EDGE_WIDTH } from "../../src/charts/loopDiagram.js";
import { normalizeSvg } from "../../src/charts/normalizeSvg.js";
import { CYCLE_COLOR, INK } from "../../src/charts/palette.js";
import { LOOP, texts, wellNested } from "./chartFixtures.js";

/** The edge lines (quadratic curves from a node), with their colour and width. */
function edgeLines(svg: string): { d: string; colour: string; width: number }[] {
  return [...svg.matchAll(/<path\b[^>]*? d="(M[^"]*Q[^"]*)"[^>]*>/g)].map((m) => ({
    d: m[1] ?? "",
    colour: /stroke="([^"]+)"/.exec(m[0])?.[1] ?? "",
    width: Number(/stroke-width="([^"]+)"/.exec(m[0])?.[1]),
  }));
}

const node = (id: string, kind: "company" | "sector" = "company") => ({ id, label: id, kind });

describe("loopDiagram", () => {
  const svg = loopDiagram(LOOP);

  it("matches the golden picture", async () => {
    await expect(normalizeSvg(svg)).toMatchFileSnapshot("./__snapshots__/loopDiagram.svg");
  });

  it("names every node and labels every edge with its money or its own label", () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["Nvidia", "OpenAI", "Oracle", "Microsoft", "Households", "Lenders"]),
    );
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["$100B", "$60B", "$40B", "$20B", "$13B/yr", "$12B", "$38B"]),
    );
  });

  it("draws one line per edge, red when in a cycle, grey otherwise", () => {
    const lines = edgeLines(svg);
    expect(lines).toHaveLength(LOOP.edges.length);
    expect(lines.filter((l) => l.colour === CYCLE_COLOR)).toHaveLength(5);
    expect(lines.filter((l) => l.colour === INK.edge)).toHaveLength(3);
  });

  it("gives the thickest arrow to the largest amount, widths in proportion", () => {
    const data: LoopData = {
      title: "widths",
      nodes: [node("a"), node("b"), node("c")],
      edges: [
        { from: "a", to: "b", amount: 30e9, inCycle: true },
        { from: "b", to: "c", amount: 90e9, inCycle: false },
        { from: "c", to: "a", amount: 45e9, inCycle: true },
      ],
    };
    const lines = edgeLines(loopDiagram(data));
    const widest = lines.reduce((a, b) => (b.width > a.width ? b : a));
    expect(widest).toMatchObject({ colour: INK.edge, width: MAX_EDGE_WIDTH });
    expect(lines.map((l) => l.width).sort((a, b) => a - b)).toEqual([
      MAX_EDGE_WIDTH / 3,
      MAX_EDGE_WIDTH / 2,
      MAX_EDGE_WIDTH,
    ]);
  });

  it("curves A→B and B→A to opposite sides so both show", () => {
    const pair = loopDiagram({
      title: "pair",
      nodes: [node("a"), node("b", "sector")],
      edges: [
        { from: "a", to: "b", amount: 2e9, inCycle: true },
        { from: "b", to: "a", amount: 1e9, inCycle: true },
      ],
    });
    const side = (d: string): number => {
      const [x0, y0, cx, cy, x1, y1] = (d.match(/-?[\d.]+/g) ?? []).map(Number);
      return Math.sign(
        ((x1 ?? 0) - (x0 ?? 0)) * ((cy ?? 0) - (y0 ?? 0)) -
          ((y1 ?? 0) - (y0 ?? 0)) * ((cx ?? 0) - (x0 ?? 0)),
      );
    };
    const [there, back] = edgeLines(pair);
    expect(there).toBeDefined();
    expect(back).toBeDefined();
    // Seen along A→B, the two control points lie on opposite sides: B→A runs the other way, so
    // the same turn direction relative to each edge's own direction.
    expect(side(there?.d ?? "")).toBe(side(back?.d ?? ""));
    expect(side(there?.d ?? "")).not.toBe(0);
  });

  it("skips edges to unknown nodes, self-loops and edges without money", () => {
    const data: LoopData = {
      title: "skips",
      nodes: [node("a"), node("b"), node("a")],
      edges: [
        { from: "a", to: "b", amount: 1e9, inCycle: false },
        { from: "a", to: "zz", amount: 5e9, inCycle: false },
        { from: "b", to: "b", amount: 5e9, inCycle: true },
        { from: "b", to: "a", amount: NaN, inCycle: true },
        { from: "b", to: "a", amount: 0, inCycle: true },
      ],
    };
    const out = loopDiagram(data);
    expect(wellNested(out)).toBe(true);
    expect(edgeLines(out)).toHaveLength(1);
    expect(texts(out).filter((t) => t === "a")).toHaveLength(1);
  });

  it("says No data without nodes or money", () => {
    expect(texts(loopDiagram({ title: "t", nodes: [], edges: [] }))).toEqual(["t", "No data"]);
    const zero = loopDiagram({
      title: "t",
      nodes: [node("a"), node("b")],
      edges: [{ from: "a", to: "b", amount: 0, inCycle: false }],
    });
    expect(texts(zero)).toContain("No data");
  });
});
