// perpetuum serve end to end in Debian's Chromium: ono's views with the engine's own numbers, a
// slider moved, a bad scenario's problem at its LINE:COL, files loaded and refused, the URL's state
// restored in a new page; screenshots into SCREENSHOTS.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeHandle, serveCommand, WEB_ROOT } from "../../src/cli/commands/serve.js";
import { BUILT_IN_DIR } from "../../src/cli/readScenarioFile.js";
import { MAX_SCENARIO_BYTES } from "../../src/defaults.js";
import { checkScenario } from "../../src/scenario/checkScenario.js";
import { formatDiagnostics } from "../../src/scenario/formatDiagnostics.js";
import { simulateMonteCarlo } from "../../src/sim/simulateMonteCarlo.js";
import { simulatePoint } from "../../src/sim/simulatePoint.js";
import { formatQuantity } from "../../src/units/formatQuantity.js";
import { MONEY } from "../../src/units/unit.js";
import { launchBrowser, SCREENSHOTS } from "../support/browser.js";
import { captureIo, ROOT } from "../support/runCli.js";

const ono = readFileSync(join(BUILT_IN_DIR, "ono.yaml"), "utf8");

/** How long to wait for the page to catch up: the machine may be busy with other tests. */
const POLL = { timeout: 30_000 };

/**
 * Builds the web app as `npm run build` does, in a process of its own: inside the test runner
 * NODE_ENV is "test", and Vite would make a development build.
 */
function buildWebApp(): void {
  const vite = join(ROOT, "node_modules/vite/bin/vite.js");
  const built = spawnSync(process.execPath, [vite, "build", "--config", "web/vite.config.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`the web app did not build:\n${built.stderr}`);
}

/** Each company's cash at the end of the point run of `text`, as the page writes it. */
function cashAtEnd(text: string): Record<string, string> {
  const checked = checkScenario(text);
  if (!checked.ok) throw new Error("the scenario does not check");
  const run = simulatePoint(checked.value.scenario, checked.value.model);
  return Object.fromEntries(
    Object.entries(run.entities).map(([id, e]) => [
      id,
      formatQuantity(e.series.cash.at(-1) ?? 0, MONEY),
    ]),
  );
}

/** Waits until the Monte Carlo of the page's current text has finished. */
async function monteCarloDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /Monte Carlo of 2,000 samples \d+ ms/.test(
        document.querySelector("[data-testid=status]")?.textContent ?? "",
      ),
    undefined,
    { timeout: 30_000 },
  );
}

/** The page's editor text. */
function editorText(page: Page): Promise<string> {
  return page.locator("[data-testid=editor]").inputValue();
}

describe("perpetuum serve in Chromium", () => {
  let server: ServeHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(WEB_ROOT, "index.html"))) buildWebApp();
    server = await serveCommand(undefined, { port: "0" }, captureIo().io);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows ono's headline numbers and cash fan charts, as the engine computes them", async () => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    const cash = cashAtEnd(ono);
    for (const [id, shown] of Object.entries(cash))
      await expect.poll(() => page.textContent(`[data-testid=cash-${id}]`), POLL).toBe(shown);
    await monteCarloDone(page);
    const checked = checkScenario(ono);
    if (!checked.ok) throw new Error("ono does not check");
    const { scenario, model, correlation, outputs } = checked.value;
    const mc = simulateMonteCarlo(scenario, model, {
      samples: 2000,
      seed: 1,
      correlation,
      outputs,
    });
    if (!mc.ok) throw new Error("the Monte Carlo failed");
    for (const [id, p] of Object.entries(mc.value.probabilities)) {
      const percent = `${Number(((p.defaultBy.at(-1) ?? 0) * 100).toPrecision(3))}%`;
      expect(await page.textContent(`[data-testid=pdefault-${id}]`)).toContain(
        `P(default) ${percent}`,
      );
    }
    expect(await page.locator("svg.chart").count()).toBe(Object.keys(cash).length);
    expect(await page.locator("svg.chart path.band90").count()).toBe(Object.keys(cash).length);
    expect(await page.textContent("[data-testid=outputs]")).toContain("openai_profitable_2029");
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "serve-ono.png") });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(SCREENSHOTS, "serve-ono-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("moves a slider: the number is rewritten in the text, units kept, and the numbers change", async () => {
    const before = await page.textContent("[data-testid=cash-oracle]");
    const slider = page.locator("[data-testid=slider-capex_per_gw-1]");
    await slider.scrollIntoViewIfNeeded();
    const at = await slider.boundingBox();
    if (at === null) throw new Error("the slider is not visible");
    await page.mouse.click(at.x + at.width * 0.9, at.y + at.height / 2);
    const value = await slider.inputValue();
    expect(Number(value)).toBeGreaterThan(60);
    await expect.poll(() => editorText(page), POLL).toContain(`value: $35B to $${value}B`);
    const text = await editorText(page);
    expect(text).toBe(ono.replace("value: $35B to $60B", `value: $35B to $${value}B`));
    const cash = cashAtEnd(text);
    await expect.poll(() => page.textContent("[data-testid=cash-oracle]"), POLL).toBe(cash.oracle);
    expect(cash.oracle).not.toBe(before);
    expect(await page.inputValue("[data-testid=number-capex_per_gw-1]")).toBe(value);
    await page.fill("[data-testid=number-capex_per_gw-0]", "40.25");
    await page.press("[data-testid=number-capex_per_gw-0]", "Enter");
    await expect.poll(() => editorText(page), POLL).toContain(`value: $40.25B to $${value}B`);
    await monteCarloDone(page);
  });

  it("restores the scenario's text and the view from the URL, in a new page and when its hash changes", async () => {
    await page.click("[data-testid=tab-tables]");
    await page.waitForFunction(
      () => location.hash.includes("t=") && location.hash.includes("v=tables"),
    );
    const text = await editorText(page);
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(page.url());
      await expect.poll(() => editorText(other), POLL).toBe(text);
      expect(await other.getAttribute("[data-testid=tab-tables]", "aria-pressed")).toBe("true");
      await other.waitForSelector("table.yearly");
      // Only the hash changes: the page stays, and loads what the new hash names.
      await other.goto(`${server.url}#s=ono&v=events`);
      await expect.poll(() => editorText(other), POLL).toBe(ono);
      await other.waitForSelector("ol.events li");
      expect(await other.textContent("ol.events")).toContain("2026Q3");
      await other.reload();
      await expect.poll(() => editorText(other), POLL).toBe(ono);
      expect(await other.getAttribute("[data-testid=tab-events]", "aria-pressed")).toBe("true");
    } finally {
      await other.close();
    }
  });

  it("shows the HTML report's sections in the report view", async () => {
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await other.goto(`${server.url}#s=ono&v=report`);
      await other.waitForSelector("[data-testid=report] section", { timeout: 100_000 });
      const titles = await other.$$eval("[data-testid=report] h2", (hs) =>
        hs.map((h) => h.textContent),
      );
      expect(titles).toEqual(expect.arrayContaining(["The loop", "Fan charts", "Assumptions"]));
      expect(await other.locator("[data-testid=report] svg").count()).toBeGreaterThan(3);
      expect(await other.textContent("[data-testid=report]")).toContain("capex_per_gw");
      await other.screenshot({ path: join(SCREENSHOTS, "serve-report.png") });
    } finally {
      await other.close();
    }
  }, 120_000);

  it("refuses a scenario in the URL above the size limit and says so", async () => {
    const big = deflateRawSync(Buffer.alloc(MAX_SCENARIO_BYTES + 1, "#")).toString("base64url");
    const other = await browser.newPage();
    try {
      await other.goto(`${server.url}#n=big.yaml&t=${big}`);
      await expect
        .poll(() => other.textContent("[data-testid=notice]"), POLL)
        .toContain("larger than 4 MB, the limit of scenario files");
      await expect.poll(() => editorText(other), POLL).toBe(ono);
    } finally {
      await other.close();
    }
  });

  it("lists a bad scenario's problem as the CLI prints it, pointing at its line and column", async () => {
    await page.click("[data-testid=tab-overview]");
    const bad = ono.replace("value: 650M to 800M", "value: 650M to");
    await page.fill("[data-testid=editor]", bad);
    const checked = checkScenario(bad);
    if (checked.ok) throw new Error("expected problems");
    const expected = formatDiagnostics("ono", bad, checked.diagnostics);
    const line = bad.split("\n").findIndex((l) => l.includes("value: 650M to")) + 1;
    const col = (bad.split("\n")[line - 1] ?? "").indexOf("to") + 1;
    expect(expected.startsWith(`ono:${line}:${col}: `)).toBe(true);
    await expect.poll(() => page.textContent("[data-testid=problems] pre"), POLL).toBe(expected);
    expect(await page.isVisible("[data-testid=stale]")).toBe(true);
    expect(await page.isVisible("[data-testid=cash-openai]")).toBe(true);
    expect(await page.isDisabled("[data-testid=slider-capex_per_gw-0]")).toBe(true);
    await expect
      .poll(() => page.textContent("[data-testid=pdefault-openai]"), POLL)
      .toBe("P(default): –");
    await page.click("[data-testid=problems] button");
    const offset = checked.diagnostics[0]?.start ?? -1;
    expect(
      await page
        .locator("[data-testid=editor]")
        .evaluate((el) => (el as HTMLTextAreaElement).selectionStart),
    ).toBe(offset);
    await page.screenshot({ path: join(SCREENSHOTS, "serve-problem.png") });
  });

  it("loads a file, refuses one above the size limit, downloads the text, goes back to a built-in", async () => {
    await page.setInputFiles("[data-testid=file]", {
      name: "huge.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.alloc(MAX_SCENARIO_BYTES + 1, "#"),
    });
    await expect
      .poll(() => page.textContent("[data-testid=notice]"), POLL)
      .toContain("huge.yaml: the file is 4.0 MB; scenario files are limited to 4 MB");
    const mine = ono.replace("name: ono", "name: mine");
    await page.setInputFiles("[data-testid=file]", {
      name: "mine.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(mine),
    });
    await expect.poll(() => editorText(page), POLL).toBe(mine);
    expect(await page.textContent("[data-testid=scenario-name]")).toBe("mine.yaml");
    await expect
      .poll(() => page.textContent("[data-testid=cash-openai]"), POLL)
      .toBe(cashAtEnd(mine).openai);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("text=Download"),
    ]);
    expect(download.suggestedFilename()).toBe("mine.yaml");
    expect(readFileSync(await download.path(), "utf8")).toBe(mine);
    await page.selectOption("[data-testid=builtin]", "ono");
    await expect.poll(() => editorText(page), POLL).toBe(ono);
    await page.waitForFunction(() => location.hash.startsWith("#s=ono&"));
  });
});
