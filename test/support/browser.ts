// Debian's Chromium driven through playwright-core, for the end-to-end tests of the HTML report
// and the served app; screenshots go to a folder the tests write and git ignores.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { ROOT } from "./runCli.js";

/** Where Debian's chromium package puts the browser (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.PERPETUUM_CHROMIUM ?? "/usr/bin/chromium";

/** The folder end-to-end tests write their screenshots to (not committed). */
export const SCREENSHOTS = join(ROOT, "screenshots");

/** Launches headless Chromium with the flags a container needs. Close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
