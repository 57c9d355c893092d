// Timing helpers for the benchmarks: best-of-n wall time, and running a Python peer script.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

/** The fastest of `runs` runs of `fn`, in seconds (after one warm-up run). */
export function best(runs: number, fn: (run: number) => void): number {
  fn(0);
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    fn(run);
    fastest = Math.min(fastest, (performance.now() - t0) / 1000);
  }
  return fastest;
}

/** What a peer script prints: one JSON line with at least these fields. */
export interface PeerResult {
  /** Best wall time in seconds. */
  readonly seconds: number;
  /** Samples (or runs) per second. */
  readonly samples_per_second: number;
}

/** Runs a Python peer; `null` when python3 or numpy is missing. */
export function runPeer(script: string, args: readonly string[]): PeerResult | null {
  const r = spawnSync("python3", [script, ...args], { encoding: "utf8" });
  if (r.status !== 0) return null;
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as PeerResult;
}
