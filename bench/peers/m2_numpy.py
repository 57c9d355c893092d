"""M2 in numpy, vectorised across runs: the peer perpetuum's stock-and-flow simulation is measured against.

Usage: python3 bench/peers/m2_numpy.py [SAMPLES] [REPEATS]
Prints one JSON line: {"samples": N, "seconds": best time, "samples_per_second": ...,
"median_cash": ..., "first_negative": {quarter: share of runs, ...}}
(first_negative's key "never" counts the runs whose cash stays at or above 0 for all 24 quarters).

The model (issue 4, examples/m2.yaml): 24 quarters, t = 0 for the first one.
  additions_t = 200k * (1 + g)^t, g a 90% interval 5% to 15%
  revenue_t   = $3B * (1 + r)^t,  r a 90% interval 4% to 12%
  gpus_{t+1}  = gpus_t + additions_t - gpus_t / 20,   gpus_0 = 1M
  cash_{t+1}  = cash_t + revenue_t - additions_t * $30k - $1B,   cash_0 = $10B
Outputs: the cash after the 24th quarter, and the first quarter k (1-based) whose closing cash
(the cash after k quarters) is below 0.
Each "A to B" is a lognormal with A and B as its 5th and 95th percentiles, as in perpetuum.
Arrays hold one value per run; the only Python loop is over the 24 quarters.
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


def m2(n, seed):
    """Returns (cash after the last quarter, first quarter with negative cash, 0 when never)."""
    rng = np.random.default_rng(seed)
    add_growth = interval(rng, 0.05, 0.15, n)
    rev_growth = interval(rng, 0.04, 0.12, n)
    gpus = np.full(n, 1e6)
    cash = np.full(n, 10e9)
    additions = np.full(n, 200e3)  # additions_t, grown in place each quarter
    revenue = np.full(n, 3e9)  # revenue_t
    add_factor = 1 + add_growth
    rev_factor = 1 + rev_growth
    first_negative = np.zeros(n, dtype=np.int32)
    for t in range(QUARTERS):
        if t > 0:
            additions *= add_factor
            revenue *= rev_factor
        gpus += additions - gpus / 20
        cash += revenue - additions * 30e3 - 1e9
        newly = (first_negative == 0) & (cash < 0)
        first_negative[newly] = t + 1
    return cash, first_negative, gpus


def distribution(first_negative):
    values, counts = np.unique(first_negative, return_counts=True)
    n = first_negative.size
    return {("never" if v == 0 else str(int(v))): int(c) / n for v, c in zip(values, counts)}


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = float("inf")
    cash = first_negative = None
    for r in range(repeats):
        t0 = time.perf_counter()
        cash, first_negative, _ = m2(n, r + 1)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"samples": n, "seconds": best, "samples_per_second": n / best,
                      "median_cash": float(np.median(cash)),
                      "first_negative": distribution(first_negative)}))


if __name__ == "__main__":
    main()
