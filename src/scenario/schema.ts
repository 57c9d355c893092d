// The shape of a scenario file, as a zod schema: the single place where YAML becomes typed
// values. The JSON Schema that editors use for completion is generated from it.

import { z } from "zod";
import { QUARTER_PATTERN } from "./quarter.js";

/** Pattern of an assumption's name: a letter or underscore, then letters, digits, underscores. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Longest horizon accepted, in quarters (100 years). */
export const MAX_QUARTERS = 400;

const valueText = z
  .union([z.string(), z.number()], {
    error: "expected a value such as 3%, $10B, 700M, 10 GW, 2% to 4%, normal(…) or = formula",
  })
  .meta({
    description:
      "A literal ($10B, 700M, 3%, 10 GW), a 90% interval (2% to 4%), a distribution " +
      "(normal(mean, sd), lognormal(median, sigma), uniform, triangular, pert, beta, bernoulli, " +
      "discrete, mixture, truncate) or a formula starting with '='.",
  });

const longValue = z
  .strictObject({
    value: valueText,
    source: z
      .string()
      .meta({
        description:
          "Where the figure comes from: seed:<key>, public:<key>, a title and date, or a URL.",
      })
      .optional(),
    note: z
      .string()
      .meta({ description: "Anything a reader should know about the figure." })
      .optional(),
  })
  .meta({ description: "An assumption with its source and a note." });

/** One assumption: short (`2% to 4%`) or long (`{ value, source, note }`). */
export const assumptionSchema = z.union([z.string(), z.number(), longValue], {
  error: "expected a value (such as 2% to 4%) or { value, source, note }",
});

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
  })
  .meta({
    title: "perpetuum scenario",
    description: "A scenario for perpetuum: named values with units, uncertainty and formulas.",
  });

/** A scenario file as parsed by the schema (before values are parsed). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** The JSON Schema of scenario files, for editors (YAML language server). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioFileSchema, { io: "input" }) as Record<string, unknown>;
}
