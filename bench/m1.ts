// Benchmark of the foundation issue: `sample` on model M1 at 10^6 samples, in-process, against
// the same model in numpy (bench/peers/m1_numpy.py) measured in the same run.
import { readFileSync } from "node:fs";
import { checkScenario, sampleModel, summarize } from "../src/index.js";
import { best, type PeerResult, runPeer } from "./harness.js";

const SAMPLES = 1_000_000;
const ROUNDS = 4;

/** Measures M1 and prints the figures and the ratio to numpy. */
export function benchM1(): void {
  const checked = checkScenario(readFileSync("examples/m1.yaml", "utf8"));
  if (!checked.ok) throw new Error("examples/m1.yaml does not check");
  const model = checked.value.model;
  let columns: readonly Float64Array[] = [];
  const start = checked.value.scenario.start;
  // Alternate rounds of both, so that a slow spell of this shared machine hits both alike.
  let draw = Number.POSITIVE_INFINITY;
  let peer: PeerResult | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const t = best(5, (run) => {
      const r = sampleModel(model, { samples: SAMPLES, seed: run + 1, start });
      if (!r.ok) throw new Error("M1 failed to sample");
      columns = r.value.columns;
    });
    draw = Math.min(draw, t);
    const p = runPeer("bench/peers/m1_numpy.py", [String(SAMPLES), "5"]);
    if (p !== null && (peer === null || p.seconds < peer.seconds)) peer = p;
  }
  const profit = columns[columns.length - 1] as Float64Array;
  const summary = best(3, () => summarize(profit));
  const perSecond = SAMPLES / draw;
  console.log(
    `M1 at 10^6 samples (perpetuum sample, in-process, one thread; best of ${ROUNDS} alternating rounds)`,
  );
  console.log(
    `  draw + evaluate   ${(draw * 1000).toFixed(1).padStart(8)} ms   ${(perSecond / 1e6).toFixed(2)} M samples/s`,
  );
  console.log(
    `  summary (profit)  ${(summary * 1000).toFixed(1).padStart(8)} ms   mean ${(summarize(profit).mean / 1e9).toFixed(3)}B (closed form -12.705B)`,
  );
  if (peer === null) {
    console.log("  numpy             not measured (python3 with numpy not found)");
    return;
  }
  console.log(
    `  numpy             ${(peer.seconds * 1000).toFixed(1).padStart(8)} ms   ${(peer.samples_per_second / 1e6).toFixed(2)} M samples/s`,
  );
  console.log(
    `  ratio perpetuum / numpy: ${(perSecond / peer.samples_per_second).toFixed(2)}x (target ≥ 0.7x)`,
  );
}
