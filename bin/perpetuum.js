#!/usr/bin/env node
// The perpetuum command: runs the bundled CLI (built by `npm run build`, which `npm ci` runs).
import { main } from "../dist/bundle/main.js";

// A reader that stops early (perpetuum … | head) closes the pipe: stop quietly, as other
// command-line tools do, instead of failing with a stack trace on the next write.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
