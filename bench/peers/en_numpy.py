"""Eisenberg-Noe clearing in numpy/scipy: the peer perpetuum's clearEisenbergNoe is measured against.

Usage: python3 bench/peers/en_numpy.py DIR [WARM_UP] [RUNS]
DIR holds the networks bench/network.ts writes, `sparse.*` and `dense.*`: the liabilities in CSR
form (rowStart int32, col int32, value float64; row i = what node i owes) and the external assets
and liabilities (float64), raw little-endian. Each is cleared by the fictitious-default algorithm
of Eisenberg & Noe (2001), the greatest clearing vector: everybody pays in full; the nodes whose
assets fall short of what they owe (by more than 1e-12 of it) default; the defaulters' payments
are solved exactly, p_D = e_D + Pi_DD^T p_D + Pi_ND^T pbar_N, with scipy.sparse.linalg.spsolve
(sparse) or numpy.linalg.solve on a dense matrix (dense); repeat until nobody newly defaults.
Prints one JSON line: {"sparse": {...}, "dense": {...}}, each with the median time in seconds
of RUNS runs after WARM_UP, the number of defaulters, the rounds and the sum of the payments.
Reading the files and building the matrix are not timed; everything from the liabilities
matrix to the clearing vector is.
"""
import json
import os
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

TOLERANCE = 1e-12


def read(directory, name):
    def array(field, dtype):
        return np.fromfile(os.path.join(directory, f"{name}.{field}"), dtype=dtype)

    row_start = array("rowStart", "<i4")
    n = len(row_start) - 1
    liabilities = sp.csr_matrix((array("value", "<f8"), array("col", "<i4"), row_start), shape=(n, n))
    return liabilities, array("externalAssets", "<f8"), array("externalLiabilities", "<f8")


def clear_sparse(liabilities, e, b):
    pbar = np.asarray(liabilities.sum(axis=1)).ravel() + b
    inverse = np.divide(1.0, pbar, out=np.zeros_like(pbar), where=pbar > 0)
    pi_t = (sp.diags(inverse) @ liabilities).T.tocsr()
    p = pbar.copy()
    default = np.zeros(len(e), dtype=bool)
    rounds = 0
    while True:
        new = ~default & (e + pi_t @ p < pbar - TOLERANCE * pbar)
        if not new.any():
            return p, default, rounds
        rounds += 1
        default |= new
        d = np.flatnonzero(default)
        s = np.flatnonzero(~default)
        rows = pi_t[d]
        a = (sp.identity(len(d), format="csc") - rows[:, d]).tocsc()
        rhs = e[d] + rows[:, s] @ pbar[s]
        p = pbar.copy()
        p[d] = spla.spsolve(a, rhs)


def clear_dense(liabilities, e, b):
    pbar = liabilities.sum(axis=1) + b
    inverse = np.divide(1.0, pbar, out=np.zeros_like(pbar), where=pbar > 0)
    pi_t = (liabilities * inverse[:, None]).T.copy()
    p = pbar.copy()
    default = np.zeros(len(e), dtype=bool)
    rounds = 0
    while True:
        new = ~default & (e + pi_t @ p < pbar - TOLERANCE * pbar)
        if not new.any():
            return p, default, rounds
        rounds += 1
        default |= new
        d = np.flatnonzero(default)
        s = np.flatnonzero(~default)
        a = np.eye(len(d)) - pi_t[np.ix_(d, d)]
        rhs = e[d] + pi_t[np.ix_(d, s)] @ pbar[s]
        p = pbar.copy()
        p[d] = np.linalg.solve(a, rhs)


def measure(clear, liabilities, e, b, warm_up, runs):
    for _ in range(warm_up):
        clear(liabilities, e, b)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        p, default, rounds = clear(liabilities, e, b)
        times.append(time.perf_counter() - t0)
    times.sort()
    return {"seconds": times[len(times) // 2], "defaulters": int(default.sum()), "rounds": rounds,
            "total_payments": float(p.sum())}


def main():
    directory = sys.argv[1]
    warm_up = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    sparse = read(directory, "sparse")
    dense_l, dense_e, dense_b = read(directory, "dense")
    print(json.dumps({
        "sparse": measure(clear_sparse, *sparse, warm_up, runs),
        "dense": measure(clear_dense, dense_l.toarray(), dense_e, dense_b, warm_up, runs),
    }))


if __name__ == "__main__":
    main()
