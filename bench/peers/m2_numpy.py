"""M2 in numpy, vectorised across runs: the peer perpetuum's stock-and-flow simulation is measured against.

Usage: python3 bench/peers/m2_numpy.py [SAMPLES] [REPEATS] [BLOCK]
SAMPLES (runs) defaults to 10^6 and REPEATS to 5, as in m1_numpy.py; repeat r uses seed r + 1.
BLOCK, optional, simulates that many runs at a time (65536 keeps the arrays in the CPU cache and is
about 3x faster at 10^6 runs); by default all runs are simulated in one set of arrays.
Prints one JSON line: {"samples": N, "seconds": best time, "samples_per_second": ...,
"seconds_with_summaries": best time with the summaries, "median_cash": ...,
"first_negative": {quarter: share of runs, ...}, "summaries": [[mean, sd, p5, p25, p50, p75, p95]
of the cash after quarter 24, the same of the first negative quarter]}
(first_negative's key "never" counts the runs whose cash stays at or above 0 for all 24 quarters).
`seconds` times the two outputs of every run (the draws included); `seconds_with_summaries` also
the statistics perpetuum reports for each output (summaries()), which a run of perpetuum computes
within its time.

The model (issue 4, examples/m2.yaml): 24 quarters, t = 0 for the first one.
  additions_t = 200k * (1 + g)^t, g a 90% interval 5% to 15%
  revenue_t   = $3B * (1 + r)^t,  r a 90% interval 4% to 12%
  gpus_{t+1}  = gpus_t + additions_t - gpus_t / 20,   gpus_0 = 1M
  cash_{t+1}  = cash_t + revenue_t - additions_t * $30k - $1B,   cash_0 = $10B
Outputs: the cash after the 24th quarter, and the first quarter k (1-based) whose closing cash
(the cash after k quarters) is below 0.
Each "A to B" is a lognormal with A and B as its 5th and 95th percentiles, as in perpetuum.
Arrays hold one value per run; the only Python loop is over the 24 quarters (and over the blocks).
"""
import json
import math
import sys
import time

import numpy as np

Z90 = 1.6448536269514722
QUARTERS = 24


def interval(rng, lo, hi, n):
    mu = (math.log(lo) + math.log(hi)) / 2
    sigma = (math.log(hi) - math.log(lo)) / (2 * Z90)
    return rng.lognormal(mu, sigma, n)


def simulate(add_factor, rev_factor):
    """The 24 quarters for the runs of one block: (cash at the end, first negative quarter or 0
    when never, gpus at the end).

    Every operation is in place (no temporary arrays), which is what makes numpy fast at 10^6 runs.
    """
    n = add_factor.size
    gpus = np.full(n, 1e6)
    cash = np.full(n, 10e9)
    additions = np.full(n, 200e3)  # additions_t, grown in place each quarter
    capex = np.full(n, 200e3 * 30e3)  # additions_t * $30k
    revenue = np.full(n, 3e9)  # revenue_t
    negative = np.zeros(n, dtype=bool)  # cash has been below 0 after some quarter so far
    negative_quarters = np.zeros(n, dtype=np.int32)  # quarters from the first negative one on
    below = np.empty(n, dtype=bool)
    for t in range(QUARTERS):
        if t > 0:
            additions *= add_factor
            capex *= add_factor
            revenue *= rev_factor
        gpus *= 1 - 1 / 20
        gpus += additions
        cash += revenue
        cash -= capex
        cash -= 1e9
        np.less(cash, 0, out=below)
        negative |= below
        negative_quarters += negative
    # The first negative quarter k (1-based) leaves QUARTERS - k + 1 quarters counted from it on.
    first_negative = np.where(negative, QUARTERS + 1 - negative_quarters, 0)
    return cash, first_negative, gpus


def m2(n, seed, block=None):
    """Draws the two growth rates of n runs and simulates them `block` runs at a time (all at once
    when block is None): (cash at the end, first negative quarter or 0, gpus at the end)."""
    rng = np.random.default_rng(seed)
    add_factor = 1 + interval(rng, 0.05, 0.15, n)
    rev_factor = 1 + interval(rng, 0.04, 0.12, n)
    block = block or n
    if block >= n:
        return simulate(add_factor, rev_factor)
    cash, first_negative, gpus = np.empty(n), np.empty(n, dtype=np.int64), np.empty(n)
    for s in range(0, n, block):
        part = slice(s, min(n, s + block))
        cash[part], first_negative[part], gpus[part] = simulate(add_factor[part], rev_factor[part])
    return cash, first_negative, gpus


def distribution(first_negative):
    values, counts = np.unique(first_negative, return_counts=True)
    n = first_negative.size
    return {("never" if v == 0 else str(int(v))): int(c) / n for v, c in zip(values, counts)}


def summaries(cash, first_negative):
    """What perpetuum reports for each of the two outputs: the mean, the standard deviation (n - 1)
    and the 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation, R-7, as perpetuum's),
    with the first negative quarter numbered as perpetuum's output (QUARTERS + 1 when never)."""
    quarter = np.where(first_negative == 0, QUARTERS + 1, first_negative)
    return [[float(x.mean()), float(x.std(ddof=1)), *np.percentile(x, [5, 25, 50, 75, 95]).tolist()]
            for x in (cash, quarter)]


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    block = int(float(sys.argv[3])) if len(sys.argv) > 3 else None
    best = best_summarised = float("inf")
    cash = first_negative = stats = None
    for r in range(repeats):
        t0 = time.perf_counter()
        cash, first_negative, _ = m2(n, r + 1, block)
        t1 = time.perf_counter()
        stats = summaries(cash, first_negative)
        t2 = time.perf_counter()
        best = min(best, t1 - t0)
        best_summarised = min(best_summarised, t2 - t0)
    print(json.dumps({"samples": n, "seconds": best, "samples_per_second": n / best,
                      "seconds_with_summaries": best_summarised,
                      "median_cash": float(np.median(cash)),
                      "first_negative": distribution(first_negative),
                      "summaries": stats}))


if __name__ == "__main__":
    main()
