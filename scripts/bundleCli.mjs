// Bundles the compiled CLI (dist/cli, from tsc) and its worker threads into dist/bundle: a few
// files instead of the ~700 modules of perpetuum, ECharts and Zod that Node otherwise resolves
// and loads one by one, which cost 0.3 s per command and over 1 s for the HTML report.
// CommonJS packages that load Node's built-ins by name stay outside the bundle.

import { build } from "esbuild";

const WORKERS = ["monteCarloWorker", "sampleWorker", "summaryWorker"];

await build({
  entryPoints: ["dist/cli/main.js", ...WORKERS.map((name) => `dist/cli/${name}.js`)],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  external: ["commander", "@commander-js/extra-typings", "cli-progress", "piscina"],
  // Bundled CommonJS code calls require(); in an ES module it has to be made.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
