// End to end: `perpetuum report ono` at 10,000 samples opened in Debian's Chromium. Every section
// renders, the loop's year tabs switch without scripts, the page loads in under 2 s, and
// full-page screenshots (light and dark) go to SCREENSHOTS.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/commands/report.js";
import { SECTIONS } from "../report/html/support.js";
import { launchBrowser, SCREENSHOTS } from "../support/browser.js";
import { captureIo } from "../support/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "perpetuum-report-e2e-"));
const file = join(dir, "report.html");
let browser: Browser;
let page: Page;
let loadMs: number;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  await reportCommand("ono", { out: file }, captureIo().io);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  loadMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return nav.loadEventEnd - nav.startTime;
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the ono report in Chromium", () => {
  it("is under 5 MB and loads in under 2 s, with no request beyond the file and no error", () => {
    expect(statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    expect(loadMs).toBeGreaterThan(0);
    expect(loadMs).toBeLessThan(2000);
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("renders every section with a heading, and a chart where it has one", async () => {
    for (const id of SECTIONS) {
      await expect(page.locator(`#${id} > h2`).isVisible()).resolves.toBe(true);
      const chart = page.locator(`#${id} svg.chart:visible`).first();
      if (id === "events" || id === "assumptions")
        await expect(page.locator(`#${id} table`).first().isVisible()).resolves.toBe(true);
      else await expect(chart.isVisible()).resolves.toBe(true);
    }
  });

  it("shows the numbers in words", async () => {
    const profitable = page.getByText(
      /^OpenAI is profitable in 2029 in \d+(\.\d+)?% of 10,000 samples\.$/,
    );
    await expect(profitable.isVisible()).resolves.toBe(true);
    const header = await page.locator("header").textContent();
    expect(header).toContain("10,000 Monte Carlo samples, seed 1");
    const gap = await page.locator("#gap table").textContent();
    expect(gap).toMatch(/Sequoia: required\s*\$\d/);
    const assumptions = await page.locator("#assumptions table").textContent();
    expect(assumptions).toContain("650M to 800M");
  });

  it("switches the loop's year by clicking a label, without scripts", async () => {
    const shown = page.locator("#loop .year-panel:visible");
    await expect(shown.count()).resolves.toBe(1);
    const first = await shown.getAttribute("data-year");
    const other = first === "2029" ? "2028" : "2029";
    await page.locator(`#loop label[for="loop-year-${other}"]`).click();
    await expect(shown.count()).resolves.toBe(1);
    await expect(shown.getAttribute("data-year")).resolves.toBe(other);
    await expect(shown.locator("svg.chart").isVisible()).resolves.toBe(true);
    await expect(page.locator(`#loop .year-panel[data-year="${first}"]`).isVisible()).resolves.toBe(
      false,
    );
    const scripts = await page.locator("script").count();
    expect(scripts).toBe(0);
  });

  it("takes full-page screenshots in light and dark", async () => {
    await page.screenshot({ path: join(SCREENSHOTS, "report-ono.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(18, 20, 24)");
    await page.screenshot({ path: join(SCREENSHOTS, "report-ono-dark.png"), fullPage: true });
    expect(statSync(join(SCREENSHOTS, "report-ono.png")).size).toBeGreaterThan(10_000);
  });
});
