// The shape of a `perpetuum clear` request: the methods it offers and, for each, the fields of
// its network, as one zod schema discriminated by "method". Only types and defaults are checked
// here; the checks that relate fields to each other (lengths, indices, shares) come after.

import { z } from "zod";

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

/** The schema of a request, one branch per method; unknown keys are refused. */
export const clearRequestSchema = z.discriminatedUnion(
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
export type ClearRequest = z.output<typeof clearRequestSchema>;

/**
 * The keys a request may have at `path`, for "did you mean" hints: those of the branch of
 * `method`, or only the common ones when the method is unknown; none below the top level.
 */
export function clearRequestKeys(
  path: ReadonlyArray<PropertyKey>,
  method: unknown,
): readonly string[] {
  if (path.length > 0) return [];
  const branch = clearRequestSchema.options.find((o) => o.shape.method.value === method);
  return branch === undefined ? ["method", "n", "nodes"] : Object.keys(branch.shape);
}
