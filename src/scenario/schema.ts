// The shape of a scenario file, as a zod schema: the single place where YAML becomes typed
// values. The JSON Schema that editors use for completion is generated from it.

import { z } from "zod";
import { outputSchema } from "../outputs/outputSchema.js";
import { QUARTER_PATTERN } from "./quarter.js";
import { capacitySchema, contractSchema, entitySchema, ID_PATTERN } from "./schemaSystem.js";
import { assumptionValue } from "./schemaValues.js";

/** Pattern of an assumption's name: a letter or underscore, then letters, digits, underscores. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Longest horizon accepted, in quarters (100 years). */
export const MAX_QUARTERS = 400;

/** One assumption: short (`2% to 4%`), a schedule, long (`{ value, source, note }`) or a stock. */
export const assumptionSchema = assumptionValue;

/** The scenario file's top level. */
export const scenarioFileSchema = z
  .strictObject({
    name: z.string({ error: "expected the scenario's name, a string" }).min(1, "the name is empty"),
    description: z.string({ error: "expected a description, a string" }).optional(),
    start: z
      .string({ error: "expected the first quarter, such as 2025Q1" })
      .regex(QUARTER_PATTERN, "expected a quarter such as 2025Q1 (year, Q, then 1 to 4)"),
    quarters: z
      .number({ error: "expected the horizon, a whole number of quarters" })
      .int("expected a whole number of quarters")
      .min(1, "the horizon must be at least 1 quarter")
      .max(MAX_QUARTERS, `the horizon is at most ${MAX_QUARTERS} quarters`),
    assumptions: z
      .record(
        z.string().regex(NAME_PATTERN, "a name is a letter or _ followed by letters, digits or _"),
        assumptionSchema,
      )
      .meta({ description: "Named values: literals, uncertain values and formulas." }),
    entities: z
      .record(
        z.string().regex(ID_PATTERN, "an id is lower-case letters, digits, - or _"),
        entitySchema,
      )
      .optional(),
    contracts: z.array(contractSchema).optional(),
    capacity: z.array(capacitySchema).optional(),
    correlations: z
      .array(
        z.tuple(
          [
            z.string(),
            z.string(),
            z
              .number()
              .min(-1, "a rank correlation is at least -1")
              .max(1, "a rank correlation is at most 1"),
          ],
          {
            error: "expected a pair with its rank correlation, such as [users, paying_share, 0.5]",
          },
        ),
      )
      .meta({
        description: "Rank (Spearman) correlations between uncertain assumptions: [a, b, rho].",
      })
      .optional(),
    outputs: z
      .record(
        z.string().regex(NAME_PATTERN, "a name is a letter or _ followed by letters, digits or _"),
        outputSchema,
      )
      .meta({
        description:
          "Named formulas over the run's results, summarised by the Monte Carlo run (see docs/scenario-language.md#outputs).",
      })
      .optional(),
    clearing: z
      .union(
        [
          z.string().pipe(
            z.enum(["eisenberg-noe", "pro-rata"], {
              error:
                "expected eisenberg-noe, pro-rata, or {method: rogers-veraart, alpha: 0.5, beta: 0.9}",
            }),
          ),
          z.strictObject({
            method: z.literal("rogers-veraart"),
            alpha: z
              .number({
                error: "expected alpha, the share of outside assets a defaulter realises (0 to 1)",
              })
              .min(0, "alpha is at least 0")
              .max(1, "alpha is at most 1"),
            beta: z
              .number({
                error: "expected beta, the share of its receipts a defaulter realises (0 to 1)",
              })
              .min(0, "beta is at least 0")
              .max(1, "beta is at most 1"),
          }),
        ],
        {
          error:
            "expected eisenberg-noe, pro-rata, or {method: rogers-veraart, alpha: 0.5, beta: 0.9}",
        },
      )
      .meta({
        description:
          "How a quarter's obligations clear when a company is short: eisenberg-noe (default), pro-rata, or {method: rogers-veraart, alpha, beta} with default costs.",
      })
      .optional(),
  })
  .meta({
    title: "perpetuum scenario",
    description:
      "A scenario for perpetuum: named values with units, uncertainty and formulas; companies, contracts and capacity.",
  });

/** A scenario file as parsed by the schema (before values are parsed). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** The JSON Schema of scenario files, for editors (YAML language server). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, { io: "input" }) as Record<string, unknown>;
}
