// Benchmark of Eisenberg–Noe clearing: a sparse network of 10,000 nodes and a dense-ish one of
// 1,000, against the same fictitious-default algorithm in numpy/scipy (bench/peers/en_numpy.py)
// on the same networks, written to a temporary directory for it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { ClearingInput } from "../src/network/clearingResult.js";
import { csrFromEdges } from "../src/network/csr.js";
import { clearEisenbergNoe } from "../src/network/eisenbergNoe.js";

const WARM_UP = 10;
const RUNS = 21;

/** xorshift32 (Marsaglia 2003): a tiny seeded generator of uniforms in [0, 1). */
function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * A network whose node i owes `degree(i)` creditors drawn by `creditors`, amounts uniform in
 * [0.5, 1.5), external liabilities uniform in [0, 2). External assets make every node solvent
 * with a margin of 5% of what it owes when everybody pays in full, then a shock takes from a
 * share `shocked` of the nodes a uniform fraction of their external assets: they fail, and some
 * of their creditors with them.
 */
function shockedNetwork(
  n: number,
  creditors: (i: number, next: () => number) => number[],
  shocked: number,
  seed: number,
): ClearingInput {
  const next = xorshift32(seed);
  const edges: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (const j of creditors(i, next)) edges.push([i, j, 0.5 + next()]);
  const externalLiabilities = Float64Array.from({ length: n }, () => 2 * next());
  const liabilities = csrFromEdges(n, edges);
  const owed = Float64Array.from(externalLiabilities);
  const owedTo = new Float64Array(n);
  for (const [i, j, x] of edges) {
    owed[i] = (owed[i] as number) + x;
    owedTo[j] = (owedTo[j] as number) + x;
  }
  const externalAssets = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const need =
      Math.max(0, (owed[i] as number) - (owedTo[i] as number)) + 0.05 * (owed[i] as number);
    externalAssets[i] = next() < shocked ? need * next() : need;
  }
  return { liabilities, externalAssets, externalLiabilities };
}

/** 10,000 nodes, 100,000 obligations to creditors drawn uniformly. */
function sparseNetwork(): ClearingInput {
  const n = 10_000;
  const draw = (i: number, next: () => number): number[] =>
    Array.from({ length: 10 }, () => (i + 1 + Math.floor(next() * (n - 1))) % n);
  return shockedNetwork(n, draw, 0.27, 2025);
}

/** 1,000 nodes, each owing 100 distinct creditors (a tenth of the network). */
function denseNetwork(): ClearingInput {
  const n = 1000;
  const others = Int32Array.from({ length: n - 1 }, (_, k) => k);
  const draw = (i: number, next: () => number): number[] => {
    for (let k = 0; k < 100; k++) {
      const pick = k + Math.floor(next() * (n - 1 - k));
      const t = others[k] as number;
      others[k] = others[pick] as number;
      others[pick] = t;
    }
    return Array.from(others.subarray(0, 100), (k) => (k >= i ? k + 1 : k));
  };
  return shockedNetwork(n, draw, 0.5, 2026);
}

/** Writes the network's arrays as raw little-endian files `<dir>/<name>.<array>`. */
function writeNetwork(dir: string, name: string, net: ClearingInput): void {
  const L = net.liabilities;
  const files: [string, ArrayBufferView][] = [
    ["rowStart", L.rowStart],
    ["col", L.col],
    ["value", L.value],
    ["externalAssets", net.externalAssets],
    ["externalLiabilities", net.externalLiabilities],
  ];
  for (const [field, array] of files) {
    writeFileSync(
      join(dir, `${name}.${field}`),
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
  }
}

/** Median wall time in ms of `RUNS` runs after `WARM_UP`. */
function medianMs(fn: () => void): number {
  for (let k = 0; k < WARM_UP; k++) fn();
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[RUNS >> 1] as number;
}

/** What the peer prints for one network. */
interface PeerCase {
  readonly seconds: number;
  readonly defaulters: number;
  readonly rounds: number;
  readonly total_payments: number;
}

/**
 * Runs the numpy peer on the networks in `dir`, its BLAS on one thread like perpetuum (and so
 * that threads fighting over a busy machine do not blur its times); `null` when python3, numpy
 * or scipy is missing.
 */
function runPeer(dir: string): Record<string, PeerCase> | null {
  const oneThread = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const r = spawnSync("python3", ["bench/peers/en_numpy.py", dir, String(WARM_UP), String(RUNS)], {
    encoding: "utf8",
    env: { ...process.env, ...oneThread },
  });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as Record<string, PeerCase>;
}

/** Clears both networks, in-process and in numpy, and prints times, defaulters and ratios. */
export function benchNetwork(): void {
  const cases: [string, string, ClearingInput][] = [
    ["sparse", "sparse, 10,000 nodes, 100,000 obligations", sparseNetwork()],
    ["dense", "dense, 1,000 nodes × 100 obligations", denseNetwork()],
  ];
  const dir = mkdtempSync(join(tmpdir(), "perpetuum-network-"));
  let peer: Record<string, PeerCase> | null;
  try {
    for (const [name, , net] of cases) writeNetwork(dir, name, net);
    peer = runPeer(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Eisenberg–Noe clearing (greatest clearing vector, fictitious default; median of ${RUNS} runs after ${WARM_UP} warm-up runs)`,
  );
  for (const [name, label, net] of cases) {
    const r = clearEisenbergNoe(net);
    const ms = medianMs(() => clearEisenbergNoe(net));
    const defaulters = r.defaulted.reduce((a, x) => a + x, 0);
    const paid = r.payments.reduce((a, x) => a + x, 0);
    console.log(
      `  ${label}: ${defaulters.toLocaleString("en-US")} defaulters in ${r.rounds} rounds`,
    );
    console.log(`    perpetuum     ${ms.toFixed(2).padStart(8)} ms`);
    const p = peer?.[name];
    if (p === undefined) {
      console.log("    numpy         not measured (python3 with numpy and scipy not found)");
      continue;
    }
    const same = p.defaulters === defaulters && Math.abs(p.total_payments - paid) <= 1e-9 * paid;
    console.log(
      `    numpy/scipy   ${(p.seconds * 1000).toFixed(2).padStart(8)} ms   ${p.defaulters.toLocaleString("en-US")} defaulters in ${p.rounds} rounds${same ? "" : " (DIFFERENT RESULT)"}`,
    );
    console.log(`    ratio numpy / perpetuum: ${(p.seconds / (ms / 1000)).toFixed(1)}x`);
  }
}
