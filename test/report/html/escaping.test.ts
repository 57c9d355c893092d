// The report escapes every piece of text a scenario brings (names, descriptions, notes, sources)
// and gives the same bytes for the same scenario and seed.
import { describe, expect, it } from "vitest";
import { renderReportHtml } from "../../../src/report/html/renderReport.js";
import { computeReportData } from "../../../src/report/html/reportData.js";
import { checked, ONO, sectionOf } from "./support.js";

/** ono with markup and ampersands in its name, description, a company's name, a note and a source. */
const HOSTILE = ONO.replace("name: ono", "name: \"<script>alert('name')</script> & ono\"")
  .replace("description: >", "description: >\n  <script>alert(1)</script> Tom & Jerry's loop.")
  .replace("    name: OpenAI", '    name: "Open<AI> & Co"')
  .replace("source: seed:chatgpt-users", 'source: "https://example.com/users?a=1&b=<2>"')
  .replace(
    "source: public:chatgpt-paying\n    note: >",
    "source: https://example.com/paying?a=1&b=2\n    note: >\n      <script>steal()</script> & more.",
  );

describe("escaping", () => {
  const data = computeReportData(checked(HOSTILE), { samples: 300, seed: 3 });
  const html = renderReportHtml(data);

  it("writes no markup from the scenario", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<AI>");
    expect(html).not.toContain("<2>");
  });

  it("shows the scenario's text escaped", () => {
    expect(html).toContain("<h1>&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; ono</h1>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry&#39;s loop.");
    expect(html).toContain("Open&lt;AI&gt; &amp; Co is profitable in 2029");
    expect(sectionOf(html, "assumptions")).toContain(
      "&lt;script&gt;steal()&lt;/script&gt; &amp; more.",
    );
  });

  it("links a source that is a URL and shows any other as text", () => {
    const a = sectionOf(html, "assumptions");
    expect(a).toContain(
      '<a href="https://example.com/paying?a=1&amp;b=2" rel="noopener noreferrer">https://example.com/paying?a=1&amp;b=2</a>',
    );
    expect(a).toContain("https://example.com/users?a=1&amp;b=&lt;2&gt;");
    expect(a).not.toContain('href="https://example.com/users');
    expect(a).toContain("public:chatgpt-paying");
  });
});

describe("determinism", () => {
  it("gives byte-identical HTML for the same scenario and seed, and different for another seed", () => {
    const render = (seed: number) =>
      renderReportHtml(computeReportData(checked(ONO), { samples: 500, seed }));
    const first = render(7);
    expect(render(7)).toBe(first);
    expect(render(8)).not.toBe(first);
  });
});
