// Builds the web app of `perpetuum serve` from web/ into dist/web, with Preact's JSX through
// Vite's own transform (no plugin) and the engine's worker as a separate module.
import { defineConfig } from "vite";

/** A folder relative to this file, as a path. */
function folder(relative: string): string {
  return decodeURIComponent(new URL(relative, import.meta.url).pathname);
}

export default defineConfig({
  root: folder("."),
  base: "./",
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // Always the libraries' production code: echarts' development code needs Node's `global`,
  // which a Web Worker lacks, and NODE_ENV may be "test" or "development" where this runs.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  worker: { format: "es", rolldownOptions: { checks: { bundlerTimings: false } } },
  build: {
    outDir: folder("../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
