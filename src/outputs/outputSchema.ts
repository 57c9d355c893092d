// The shape of an output in the scenario file: a formula (`= …`), or `{ value, note }`.

import { z } from "zod";

const formula = z
  .string({ error: "expected a formula such as = netIncome(openai, 2029) > 0" })
  .regex(/^\s*=/, 'an output is a formula: start it with "=", as in = revenue(openai, 2029)')
  .meta({
    description:
      "A formula over the run's results: metric(entity, year or quarter), defaulted(entity), " +
      "defaultQuarter(entity), firstQuarter(condition), at(assumption, quarter), assumptions.",
  });

/** An output: its formula, short or long (`{ value, note }`). */
export const outputSchema = z.union(
  [
    formula,
    z
      .strictObject({
        value: formula,
        note: z.string().meta({ description: "What the output means, for readers." }).optional(),
      })
      .meta({ description: "An output with a note." }),
  ],
  { error: "expected a formula such as = netIncome(openai, 2029) > 0, or { value, note }" },
);

/** The keys of an output's long form, for "did you mean" hints. */
export const OUTPUT_KEYS: readonly string[] = ["value", "note"];
