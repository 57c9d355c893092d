// The semantic checks of a `perpetuum clear` request that its schema cannot express: lengths of
// one entry per node, node and asset indices in range, signs, shares in [0, 1], holdings' column
// sums below 1. Each problem carries the path of the value it is about, in the order found.

import type { ClearRequest, Edge } from "./clearRequestSchema.js";

/** Most nodes of the dense methods (Elliott–Golub–Jackson factorises an n × n matrix). */
export const MAX_DENSE_NODES = 5000;

/** A problem found by the semantic checks, at a path of the document. */
export interface Problem {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

function checkEdges(
  field: string,
  list: readonly Edge[],
  rows: number,
  cols: number,
  what: { readonly to: string; readonly amount: "amount" | "share" },
  problems: Problem[],
): void {
  const seen = new Set<number>();
  list.forEach(([i, j, x], k) => {
    const at = [field, k];
    for (const [index, position, limit, role] of [
      [i, 0, rows, "node"],
      [j, 1, cols, what.to],
    ] as const) {
      if (!Number.isInteger(index) || index < 0 || index >= limit)
        problems.push({
          path: [...at, position],
          message: `${field}[${k}][${position}]: ${role} index ${index} is out of range; expected an integer from 0 to ${limit - 1}`,
        });
    }
    if (what.amount === "amount" && x < 0)
      problems.push({
        path: [...at, 2],
        message: `${field}[${k}][2]: the amount ${x} is negative; expected an amount ≥ 0`,
      });
    if (what.amount === "share" && (x < 0 || x > 1))
      problems.push({
        path: [...at, 2],
        message: `${field}[${k}][2]: the share ${x} is outside [0, 1]`,
      });
    if (what.to === "node" && i === j && Number.isInteger(i))
      problems.push({
        path: at,
        message: `${field}[${k}]: node ${i} appears on both sides; a node cannot ${what.amount === "share" ? "hold itself" : "owe itself or be exposed to itself"}`,
      });
    if (what.amount === "share") {
      const key = i * cols + j;
      if (seen.has(key))
        problems.push({
          path: at,
          message: `${field}[${k}]: a second share of ${i} in ${j}; give each holding once`,
        });
      seen.add(key);
    }
  });
}

function checkLength(field: string, values: readonly number[], n: number, problems: Problem[]) {
  if (values.length !== n)
    problems.push({
      path: [field],
      message: `${field} has ${values.length} entries; expected ${n} (one per node, n = ${n})`,
    });
}

function checkNonNegative(field: string, values: readonly number[], problems: Problem[]) {
  values.forEach((x, k) => {
    if (x < 0) problems.push({ path: [field, k], message: `${field}[${k}] is ${x}; expected ≥ 0` });
  });
}

function checkUnit(field: string, values: readonly number[], problems: Problem[]) {
  values.forEach((x, k) => {
    if (x < 0 || x > 1)
      problems.push({ path: [field, k], message: `${field}[${k}] is ${x}; expected 0 to 1` });
  });
}

function checkShare(field: string, x: number, problems: Problem[]) {
  if (x < 0 || x > 1)
    problems.push({ path: [field], message: `${field} is ${x}; expected 0 to 1` });
}

/** Holdings of each node by the others must leave a part to outside holders: column sums < 1. */
function checkColumnSums(field: string, list: readonly Edge[], n: number, problems: Problem[]) {
  const sums = new Float64Array(n);
  for (const [, j, s] of list)
    if (Number.isInteger(j) && j >= 0 && j < n) sums[j] = (sums[j] as number) + s;
  sums.forEach((sum, j) => {
    if (sum >= 1)
      problems.push({
        path: [field],
        message: `${field}: the shares of node ${j} held by other nodes sum to ${sum}; expected less than 1 (some part must be held outside the network)`,
      });
  });
}

/**
 * The problems of a request that passed its schema, field by field in the order of the method's
 * fields; none when the algorithms can trust it.
 */
export function clearRequestProblems(request: ClearRequest): Problem[] {
  const out: Problem[] = [];
  const { n } = request;
  if (request.nodes !== undefined)
    checkLength(
      "nodes",
      request.nodes.map(() => 0),
      n,
      out,
    );
  switch (request.method) {
    case "eisenberg-noe":
    case "rogers-veraart":
      checkEdges("liabilities", request.liabilities, n, n, { to: "node", amount: "amount" }, out);
      checkLength("externalAssets", request.externalAssets, n, out);
      checkNonNegative("externalAssets", request.externalAssets, out);
      if (request.method === "rogers-veraart")
        for (const field of ["alpha", "beta"] as const) checkShare(field, request[field], out);
      if (request.externalLiabilities !== undefined) {
        checkLength("externalLiabilities", request.externalLiabilities, n, out);
        checkNonNegative("externalLiabilities", request.externalLiabilities, out);
      }
      break;
    case "debtrank":
      checkEdges("exposures", request.exposures, n, n, { to: "node", amount: "amount" }, out);
      for (const field of ["capital", "weights", "initialStress"] as const) {
        checkLength(field, request[field], n, out);
        checkNonNegative(field, request[field], out);
      }
      checkUnit("initialStress", request.initialStress, out);
      request.capital.forEach((x, k) => {
        if (x === 0)
          out.push({
            path: ["capital", k],
            message: `capital[${k}] is 0; DebtRank divides exposures by capital, so expected > 0`,
          });
      });
      if (request.weights.every((w) => w === 0) && request.weights.length > 0)
        out.push({ path: ["weights"], message: "weights are all 0; expected a positive total" });
      break;
    case "furfine":
      checkEdges("exposures", request.exposures, n, n, { to: "node", amount: "amount" }, out);
      checkLength("capital", request.capital, n, out);
      checkNonNegative("capital", request.capital, out);
      checkShare("lossGivenDefault", request.lossGivenDefault, out);
      request.initiallyFailed.forEach((i, k) => {
        if (i < 0 || i >= n)
          out.push({
            path: ["initiallyFailed", k],
            message: `initiallyFailed[${k}]: node index ${i} is out of range; expected 0 to ${n - 1}`,
          });
      });
      break;
    case "egj": {
      const m = request.assetPrices.length;
      if (n > MAX_DENSE_NODES)
        out.push({
          path: ["n"],
          message: `egj works on dense n × n matrices; n = ${n} is over its limit of ${MAX_DENSE_NODES} nodes`,
        });
      checkEdges(
        "crossHoldings",
        request.crossHoldings,
        n,
        n,
        { to: "node", amount: "share" },
        out,
      );
      checkColumnSums("crossHoldings", request.crossHoldings, n, out);
      checkEdges(
        "assetHoldings",
        request.assetHoldings,
        n,
        m,
        { to: "asset", amount: "share" },
        out,
      );
      checkNonNegative("assetPrices", request.assetPrices, out);
      for (const field of ["failureThresholds", "failureCosts"] as const) {
        checkLength(field, request[field], n, out);
        checkNonNegative(field, request[field], out);
      }
      break;
    }
    case "cross-ownership":
      for (const field of ["equityCrossHoldings", "debtCrossHoldings"] as const) {
        checkEdges(field, request[field], n, n, { to: "node", amount: "share" }, out);
        checkColumnSums(field, request[field], n, out);
      }
      for (const field of ["externalAssets", "nominalDebt"] as const) {
        checkLength(field, request[field], n, out);
        checkNonNegative(field, request[field], out);
      }
      break;
    default:
      request satisfies never;
  }
  return out;
}
