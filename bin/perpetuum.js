#!/usr/bin/env node
// The perpetuum command: runs the bundled CLI (built by `npm run build`, which `npm ci` runs).
import { main } from "../dist/bundle/main.js";

process.exitCode = await main(process.argv);
