// The HTML report of the built-in ono scenario at 10,000 samples, built in-process: every section
// with the numbers of the results it came from, self-contained, under 5 MB.
import { beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../../src/report/html/renderReport.js";
import { computeReportData, type ReportData } from "../../../src/report/html/reportData.js";
import { renderSections } from "../../../src/report/html/sections.js";
import { formatQuantity } from "../../../src/units/formatQuantity.js";
import { MONEY, PERCENT } from "../../../src/units/unit.js";
import { checked, ONO, occurrences, SECTIONS, sectionOf } from "./support.js";

const money = (x: number) => formatQuantity(x, MONEY);
const percent = (x: number) => formatQuantity(x, PERCENT);

let data: ReportData;
let html: string;

beforeAll(() => {
  data = computeReportData(checked(ONO), { samples: 10_000, seed: 1 });
  html = renderReportHtml(data);
}, 120_000);

describe("the report of ono at 10,000 samples", () => {
  it("has every section, in order, each with a heading, and no reserve section without one", () => {
    const at = SECTIONS.map((id) => html.indexOf(`<section id="${id}"><h2>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).not.toContain('<section id="reserve">');
    expect(renderSections(data).map((s) => s.id)).toEqual(SECTIONS);
  });

  it("is one self-contained file under 5 MB: no script, no external resource", () => {
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(http/i);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("@media (prefers-color-scheme:dark)");
    expect(html).toContain("@media print");
  });

  it("states the scenario, samples and seed in the header, with a link to every section", () => {
    const header = html.slice(0, html.indexOf("<main>"));
    expect(header).toContain("<h1>ono</h1>");
    expect(header).toContain("10,000 Monte Carlo samples, seed 1");
    for (const id of SECTIONS) expect(header).toContain(`href="#${id}"`);
  });

  it("draws the loop for every year behind radio tabs, with the money paid between companies", () => {
    const loop = sectionOf(html, "loop");
    expect(occurrences(loop, 'type="radio"')).toBe(7);
    expect(occurrences(loop, "chart-loop")).toBe(7);
    expect(occurrences(loop, " checked>")).toBe(1);
    const paid = data.point.flows
      .filter((f) => f.from === "openai" && f.to === "oracle" && f.quarter.startsWith("2027"))
      .reduce((a, f) => a + f.amount, 0);
    expect(money(paid)).toBe("$60B");
    const panel = loop.slice(loop.indexOf('data-year="2027"'), loop.indexOf('data-year="2028"'));
    expect(panel).toMatch(
      /<td>OpenAI<\/td><td>Oracle<\/td><td>oracle-openai-cloud<\/td><td class="num">\$60B<\/td><td>yes<\/td>/,
    );
  });

  it("splits each company's revenue by origin, in dollars and shares", () => {
    const origins = sectionOf(html, "origins");
    expect(occurrences(origins, "chart-stacked")).toBe(3);
    const split = data.trace.origins.openai?.[2029];
    expect(split).not.toBeNull();
    expect(origins).toContain(formatQuantity(split?.endCustomers ?? 0, PERCENT));
  });

  it("draws five fan charts per company", () => {
    expect(occurrences(sectionOf(html, "fans"), "chart-fan")).toBe(15);
  });

  it("lists every event of the point run with its quarter and money", () => {
    const events = sectionOf(html, "events");
    expect(data.point.events.length).toBeGreaterThan(0);
    for (const e of data.point.events) expect(events).toContain(`<td>${e.quarter}</td>`);
    const first = data.point.events[0]!;
    expect(events).toContain(money(first.amount));
  });

  it("says each probability in words, as the Monte Carlo result has it", () => {
    const d = sectionOf(html, "distributions");
    const p = data.monteCarlo.probabilities.openai!;
    const y2029 = data.monteCarlo.years.indexOf(2029);
    expect(d).toContain(
      `OpenAI is profitable in 2029 in ${percent(p.profitableIn[y2029]!)} of 10,000 samples.`,
    );
    expect(d).toContain(
      `OpenAI defaults by the end of 2031Q4 in ${percent(p.defaultBy.at(-1)!)} of 10,000 samples.`,
    );
    const defaults = data.monteCarlo.outputs.openai_defaults!;
    expect(defaults.probability).toBeGreaterThan(0);
    expect(d).toContain(
      `openai_defaults (defaulted(openai)) holds in ${percent(defaults.probability!)} of 10,000 samples.`,
    );
    expect(d).toContain("Nvidia does not default in any of 10,000 samples.");
  });

  it("draws a histogram per declared output and per company that defaults", () => {
    const d = sectionOf(html, "distributions");
    const defaulting = data.entities.filter(
      (e) => data.monteCarlo.probabilities[e.id]!.defaultQuarter.never < 1,
    );
    expect(occurrences(d, "chart-histogram")).toBe(data.outputs.length + defaulting.length);
    const cash = data.monteCarlo.outputs.openai_cash_2027!;
    expect(d).toContain(`median ${money(cash.p50)}`);
  });

  it("draws a tornado per declared output, biggest swing first", () => {
    const s = sectionOf(html, "sensitivity");
    expect(occurrences(s, "chart-tornado")).toBe(data.outputs.length);
    const revenue = data.outputs.find((o) => o.name === "oracle_revenue_total")!;
    const swings = revenue.sensitivity.map((r) => r.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(s).toContain(`<td>${revenue.sensitivity[0]!.input}</td>`);
    expect(s).toContain(money(revenue.sensitivity[0]!.swing));
  });

  it("compares the lowest and highest tenth of samples for an output no input moves alone", () => {
    const defaults = data.outputs.find((o) => o.name === "openai_defaults")!;
    expect(defaults.sensitivity.every((r) => r.swing === 0)).toBe(true);
    const top = [...defaults.sensitivity].sort(
      (a, b) => Math.abs(b.inHighTenth - b.inLowTenth) - Math.abs(a.inHighTenth - a.inLowTenth),
    )[0]!;
    expect(Math.abs(top.inHighTenth - top.inLowTenth)).toBeGreaterThan(0.1);
    const s = sectionOf(html, "sensitivity");
    expect(s).toContain(`${percent(top.inLowTenth)} … ${percent(top.inHighTenth)}`);
    expect(s).toContain("among the samples whose input is in its lowest and in its highest tenth");
  });

  it("gives the three gap methods per year in a chart and a table", () => {
    const g = sectionOf(html, "gap");
    expect(occurrences(g, "chart-line")).toBe(1);
    for (const y of data.gap.years) {
      expect(g).toContain(money(y.sequoia.required));
      expect(g).toContain(money(y.bain.gap));
    }
  });

  it("lists every assumption with its value, meaning, unit and source", () => {
    const a = sectionOf(html, "assumptions");
    for (const x of data.assumptions) expect(a).toContain(`<code>${x.name}</code>`);
    expect(a).toContain("<code>650M to 800M</code>");
    expect(a).toContain("seed:chatgpt-users");
    const users = data.assumptions.find((x) => x.name === "chatgpt_users")!;
    expect(users.interpretation).toMatch(/^lognormal, 90% in \[650M, 800M\]/);
    expect(a).toContain(users.interpretation);
  });
});
