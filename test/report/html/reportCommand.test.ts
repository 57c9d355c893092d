// `perpetuum report` in-process: the file it writes, what it says, a reserve section on request,
// and bad flags reported as usage errors.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../../src/cli/commands/report.js";
import { UsageError } from "../../../src/cli/io.js";
import { formatBytes } from "../../../src/units/formatBytes.js";
import { captureIo } from "../../support/runCli.js";
import { sectionOf } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "perpetuum-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("perpetuum report", () => {
  it("writes the page with a GPU reserve section and says where and how big", async () => {
    const out = join(dir, "ono.html");
    const { io, stdout } = captureIo();
    await reportCommand(
      "ono",
      { samples: "400", seed: "2", threads: "2", out, reserve: "reserve-h100" },
      io,
    );
    const html = readFileSync(out, "utf8");
    expect(stdout()).toMatch(/^ono: report of 400 samples \(seed 2\) written to .*ono\.html \(\d/);
    expect(stdout()).toContain(`(${formatBytes(statSync(out).size)})`);
    expect(html).toContain("400 Monte Carlo samples, seed 2");
    const reserve = sectionOf(html, "reserve");
    expect(reserve).toContain("chart-line");
    expect(reserve).toMatch(/Crossover: in the median paths gold is worth more from/);
    expect(html.indexOf('<section id="reserve">')).toBeLessThan(
      html.indexOf('<section id="assumptions">'),
    );
  });

  it("puts the runs under --shock beside the baseline, after the events", async () => {
    const out = join(dir, "stress.html");
    const shock = "funding(openai) = 0 from 2026Q3";
    await reportCommand("ono", { samples: "300", out, shock: [shock] }, captureIo().io);
    const html = readFileSync(out, "utf8");
    const stress = sectionOf(html, "stress");
    expect(stress).toContain(`<li>${shock}</li>`);
    expect(stress).toMatch(/<td>OpenAI<\/td><td class="num">[\d.]+% → [\d.]+%<\/td>/);
    expect(stress).toMatch(/<td>– → 20\d\dQ\d<\/td>/);
    expect(stress).toContain("Shocked (point run)");
    expect(stress.split("chart-line").length - 1).toBe(3);
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at("events")).toBeLessThan(at("stress"));
    expect(at("stress")).toBeLessThan(at("distributions"));
  });

  it("gives the same file on one thread and on two", async () => {
    const read = async (threads: string) => {
      const out = join(dir, `t${threads}.html`);
      await reportCommand("ono", { samples: "4100", threads, out }, captureIo().io);
      return readFileSync(out, "utf8");
    };
    expect(await read("1")).toBe(await read("2"));
  });

  it.each([
    [{ samples: "0" }, /--samples/],
    [{ samples: "ten" }, /--samples/],
    [{ seed: "-1" }, /--seed/],
    [{ out: dir }, /is a folder/],
    [{ out: join(dir, "missing", "r.html") }, /does not exist/],
    [
      { reserve: "no-such-reserve" },
      /no-such-reserve: no such file, and no built-in reserve of that name/,
    ],
    [{ shock: ["funding(nobody) = 0"] }, /1 shock could not be read/],
  ])("refuses %j", async (flags, message) => {
    const run = reportCommand("ono", { samples: "100", ...flags }, captureIo().io);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(message);
  });

  it("refuses a scenario without companies", async () => {
    const run = reportCommand("examples/m1.yaml", { out: join(dir, "m1.html") }, captureIo().io);
    await expect(run).rejects.toThrow(/no companies/);
  });
});
