"""M1 in numpy, vectorised: the peer perpetuum's `sample` is measured against.

Usage: python3 bench/peers/m1_numpy.py [SAMPLES] [REPEATS]
Prints one JSON line: {"samples": N, "seconds": best time, "samples_per_second": ..., "mean_profit": ...}
Each "A to B" is a lognormal with A and B as its 5th and 95th percentiles, as in perpetuum.
"""
import json
import math
import sys
import time

import numpy as np

Z90 = 1.6448536269514722


def interval(rng, lo, hi, n):
    mu = (math.log(lo) + math.log(hi)) / 2
    sigma = (math.log(hi) - math.log(lo)) / (2 * Z90)
    return rng.lognormal(mu, sigma, n)


def m1(n, seed):
    rng = np.random.default_rng(seed)
    users = interval(rng, 600e6, 900e6, n)
    paying_share = interval(rng, 0.02, 0.04, n)
    arpu = interval(rng, 200, 300, n)
    enterprise = interval(rng, 5e9, 20e9, n)
    compute = interval(rng, 20e9, 40e9, n)
    return users * paying_share * arpu + enterprise - compute


def main():
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 1_000_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    best = float("inf")
    profit = None
    for r in range(repeats):
        t0 = time.perf_counter()
        profit = m1(n, r + 1)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"samples": n, "seconds": best, "samples_per_second": n / best,
                      "mean_profit": float(profit.mean())}))


if __name__ == "__main__":
    main()
