// M1 and M2 in Squiggle (@quri/squiggle-lang), the language perpetuum's users might otherwise
// write them in. Usage: node m1m2.mjs [SAMPLES] [REPEATS] (defaults 10,000 and 3); prints one JSON
// line per model, with the same fields as bench/peers/m1_numpy.py and m2_numpy.py plus "model".
// Each "A to B" in Squiggle is a lognormal with A and B as its 5th and 95th percentiles when both
// are positive, the same rule as perpetuum's. Repeat r uses the seed "r + 1". The time is the whole
// `run`: parsing, sampling and computing (Squiggle has no separate compile step to leave out).
import { defaultEnvironment, run } from "@quri/squiggle-lang";

// Every input is a sample set, so that Squiggle does Monte Carlo rather than combining the
// lognormals in closed form (which it does for a product of two lognormals).
const M1 = `
users = SampleSet.fromDist(600M to 900M)
paying_share = SampleSet.fromDist(0.02 to 0.04)
arpu = SampleSet.fromDist(200 to 300)
enterprise = SampleSet.fromDist(5B to 20B)
compute = SampleSet.fromDist(20B to 40B)
profit = users * paying_share * arpu + enterprise - compute
`;

// t = 0 in the first quarter. `seen` is 1 in the samples whose cash has been below 0 after some
// quarter so far; `negq` counts the quarters from the first negative one on, so the first
// negative quarter k is 25 - negq (0 when never).
const M2 = `
g = SampleSet.fromDist(0.05 to 0.15)
r = SampleSet.fromDist(0.04 to 0.12)
zero = SampleSet.map(g, {|x| 0})
step(s, t) = {
  additions = 200k * (1 + g) ^ t
  revenue = 3B * (1 + r) ^ t
  gpus = s.gpus + additions - s.gpus / 20
  cash = s.cash + revenue - additions * 30k - 1B
  below = SampleSet.map(cash, {|c| c < 0 ? 1 : 0})
  seen = SampleSet.map2(s.seen, below, {|a, b| max([a, b])})
  { gpus, cash, seen, negq: s.negq + seen }
}
start = { gpus: 1M + zero, cash: 10B + zero, seen: zero, negq: zero }
final = List.reduce(List.upTo(0, 23), start, step)
cash = final.cash
first = SampleSet.map2(final.seen, final.negq, {|s, n| s > 0 ? 25 - n : 0})
`;

/** Runs `code` with `samples` samples and `seed`: the seconds and its variables' samples. */
async function runModel(code, samples, seed) {
  const t0 = performance.now();
  const output = await run(code, {
    environment: { ...defaultEnvironment, sampleCount: samples, seed },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (!output.result.ok) throw new Error(output.result.value.toString());
  const bindings = output.result.value.bindings;
  const samplesOf = (name) => bindings.get(name).value.getSamples();
  return { seconds, samplesOf };
}

/** The median (R-7, as perpetuum and numpy). */
function median(values) {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) / 2;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

/** Share of runs per first negative quarter ("never" for 0), as m2_numpy.py prints it. */
function distribution(first) {
  const counts = new Map();
  for (const k of first) counts.set(k, (counts.get(k) ?? 0) + 1);
  return Object.fromEntries(
    [...counts]
      .sort(([a], [b]) => a - b)
      .map(([k, c]) => [k === 0 ? "never" : String(k), c / first.length]),
  );
}

async function bench(model, code, samples, repeats, figures) {
  let best = Number.POSITIVE_INFINITY;
  let last = null;
  for (let r = 0; r < repeats; r++) {
    last = await runModel(code, samples, String(r + 1));
    best = Math.min(best, last.seconds);
  }
  const line = { model, samples, seconds: best, samples_per_second: samples / best };
  console.log(JSON.stringify({ ...line, ...figures(last.samplesOf) }));
}

const samples = process.argv[2] ? Math.trunc(Number(process.argv[2])) : 10_000;
const repeats = process.argv[3] ? Math.trunc(Number(process.argv[3])) : 3;
await bench("M1", M1, samples, repeats, (of) => {
  const profit = of("profit");
  return { mean_profit: profit.reduce((a, b) => a + b, 0) / profit.length };
});
await bench("M2", M2, samples, repeats, (of) => ({
  median_cash: median(of("cash")),
  first_negative: distribution(of("first")),
}));
