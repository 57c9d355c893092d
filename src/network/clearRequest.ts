// Reads the JSON input of `perpetuum clear` into typed values: the method and its network, checked
// once at the boundary (lengths, node and asset indices, signs, shares, holdings' column sums),
// every problem reported at its place in the text. Inside, the algorithms trust these values.

import { parseDocument } from "yaml";
import { z } from "zod";
import type { Diagnostic, Result } from "../scenario/diagnostic.js";
import { schemaDiagnostics } from "../scenario/schemaDiagnostics.js";
import { nodeRange } from "../scenario/yamlRanges.js";

/** An edge `[from, to, amount]` of a network (its meaning depends on the field). */
export type Edge = readonly [number, number, number];

/** The clearing methods `perpetuum clear` offers, in the order the docs list them. */
export const CLEAR_METHODS = [
  "eisenberg-noe",
  "rogers-veraart",
  "debtrank",
  "furfine",
  "egj",
  "cross-ownership",
] as const;

const edge = z.tuple([z.number(), z.number(), z.number()], {
  error: "expected an edge [from, to, amount] of three numbers",
});
const edges = z.array(edge);
const vector = z.array(z.number());
const common = {
  n: z.number().int().min(1).max(10_000_000),
  nodes: z.array(z.string()).optional(),
};

const paymentSchema = {
  ...common,
  liabilities: edges,
  externalAssets: vector,
  externalLiabilities: vector.optional(),
};

const requestSchema = z.discriminatedUnion(
  "method",
  [
    z.strictObject({ method: z.literal("eisenberg-noe"), ...paymentSchema }),
    z.strictObject({
      method: z.literal("rogers-veraart"),
      ...paymentSchema,
      alpha: z.number().default(1),
      beta: z.number().default(1),
    }),
    z.strictObject({
      method: z.literal("debtrank"),
      ...common,
      exposures: edges,
      capital: vector,
      weights: vector,
      initialStress: vector,
      variant: z.enum(["single-hit", "differential"]).default("single-hit"),
      capImpactAtOne: z.boolean().default(false),
    }),
    z.strictObject({
      method: z.literal("furfine"),
      ...common,
      exposures: edges,
      capital: vector,
      initiallyFailed: z.array(z.number().int()),
      lossGivenDefault: z.number().default(1),
    }),
    z.strictObject({
      method: z.literal("egj"),
      ...common,
      crossHoldings: edges,
      assetHoldings: edges,
      assetPrices: vector,
      failureThresholds: vector,
      failureCosts: vector,
    }),
    z.strictObject({
      method: z.literal("cross-ownership"),
      ...common,
      equityCrossHoldings: edges,
      debtCrossHoldings: edges,
      externalAssets: vector,
      nominalDebt: vector,
    }),
  ],
  { error: () => `"method" must be one of ${CLEAR_METHODS.join(", ")}` },
);

/** A checked `perpetuum clear` request: one of the methods with its network. */
export type ClearRequest = z.output<typeof requestSchema>;

/** Most nodes of the dense methods (Elliott–Golub–Jackson factorises an n × n matrix). */
export const MAX_DENSE_NODES = 5000;

/** Largest input read, in bytes (10^6 obligations as JSON edges fit comfortably). */
export const MAX_CLEAR_BYTES = 64 * 1024 * 1024;

type Path = ReadonlyArray<string | number>;

/** A problem found by the semantic checks, at a path of the document. */
interface Problem {
  readonly path: Path;
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

function problems(request: ClearRequest): Problem[] {
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

function knownKeys(path: ReadonlyArray<PropertyKey>, method: unknown): readonly string[] {
  if (path.length > 0) return [];
  const branch = requestSchema.options.find((o) => o.shape.method.value === method);
  return branch === undefined ? ["method", "n", "nodes"] : Object.keys(branch.shape);
}

/**
 * Parses and checks the text of a clear request (JSON). The fast path is JSON.parse; only when
 * something is wrong is the text parsed again with positions, to report each problem at its
 * line and column.
 *
 * @example readClearRequest('{"method": "furfine", "n": 1, "exposures": [], "capital": [1], "initiallyFailed": []}')
 */
export function readClearRequest(text: string): Result<ClearRequest> {
  if (text.length > MAX_CLEAR_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    const message = `the file is ${mb} MB; clear requests are limited to ${MAX_CLEAR_BYTES / 1024 / 1024} MB`;
    return { ok: false, diagnostics: [{ code: "too-large", message, start: 0, end: 0 }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, diagnostics: syntaxDiagnostics(text, error) };
  }
  const parsed = requestSchema.safeParse(json);
  if (parsed.success) {
    const found = problems(parsed.data);
    if (found.length === 0) return { ok: true, value: parsed.data };
    const doc = parseDocument(text, { prettyErrors: false });
    return {
      ok: false,
      diagnostics: found.map((p) => ({
        code: "invalid-value",
        message: p.message,
        ...nodeRange(doc, p.path),
      })),
    };
  }
  return { ok: false, diagnostics: shapeDiagnostics(text, parsed.error.issues, json) };
}

function shapeDiagnostics(text: string, issues: readonly z.core.$ZodIssue[], json: unknown) {
  const doc = parseDocument(text, { prettyErrors: false });
  const method = (json as { method?: unknown } | null)?.method;
  return schemaDiagnostics(doc, issues, (path) => knownKeys(path, method));
}

/** Tokens some tools write for non-finite numbers, which JSON does not have. */
const NOT_A_JSON_NUMBER = /^[-+]?(NaN|Infinity|\.nan|\.inf)$/i;

/**
 * Where JSON.parse failed: at the position its message gives; else, as JSON is YAML, where
 * YAML's parser stops, or (for tokens such as NaN, which YAML reads as text) at the value the
 * schema then rejects.
 */
function syntaxDiagnostics(text: string, error: unknown): Diagnostic[] {
  const raw = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
  const what = raw.replace(/( in JSON)? at position \d+.*$/, "").replace(/, ".*$/, "");
  const at = /position (\d+)/.exec(raw);
  const syntax = (start: number): Diagnostic[] => [
    { code: "syntax", message: `not valid JSON: ${what}`, start, end: start + 1 },
  ];
  if (at !== null) return syntax(Math.min(text.length, Number(at[1])));
  const first = /\S/.exec(text);
  if (first === null || (first[0] !== "{" && first[0] !== "[")) {
    const start = first?.index ?? 0;
    const found = first === null ? "an empty file" : `"${first[0]}"`;
    const message = `not valid JSON: expected an object such as {"method": "eisenberg-noe", "n": 2, …}, found ${found}`;
    return [{ code: "syntax", message, start, end: start + 1 }];
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) return syntax(yamlError.pos[0]);
  const json = doc.toJS();
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    const found = shapeDiagnostics(text, parsed.error.issues, json).map((d) =>
      NOT_A_JSON_NUMBER.test(text.slice(d.start, d.end))
        ? {
            ...d,
            message: `not valid JSON: ${text.slice(d.start, d.end)} is not a JSON number; expected a finite number`,
          }
        : d,
    );
    if (found.length > 0) return found;
  }
  return syntax(text.length);
}
