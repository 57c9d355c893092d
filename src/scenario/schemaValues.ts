// Schemas of the values a scenario holds: a literal, an uncertain value or a formula; a step
// schedule by quarter; the long form with a source and a note; and a stock with its flow.

import { z } from "zod";
import { QUARTER_PATTERN } from "./quarter.js";

/** A value written as text (or a YAML number). */
export const valueText = z
  .union([z.string(), z.number()], {
    error: "expected a value such as 3%, $10B, 700M, 10 GW, 2% to 4%, normal(…) or = formula",
  })
  .meta({
    description:
      "A literal ($10B, 700M, 3%, 10 GW), a 90% interval (2% to 4%), a distribution " +
      "(normal(mean, sd), lognormal(median, sigma), uniform, triangular, pert, beta, bernoulli, " +
      "discrete, mixture, truncate) or a formula starting with '=' (which may read t, now, year).",
  });

/** A step schedule: from each quarter on, the value given (0 before the first). */
export const schedule = z
  .record(
    z.string().regex(QUARTER_PATTERN, "a schedule's keys are quarters such as 2026Q3"),
    valueText,
  )
  .meta({
    description:
      "A step schedule such as {2026Q3: 1 GW, 2027Q4: 4.5 GW}: each value holds from its quarter on.",
  });

const sourceText = z.string().meta({
  description: "Where the figure comes from: seed:<key>, public:<key>, a title and date, or a URL.",
});

/** A value with its source and a note. */
export const longValue = z
  .strictObject({
    value: z.union([valueText, schedule], { error: "expected a value or a schedule {2026Q3: …}" }),
    source: sourceText.optional(),
    note: z
      .string()
      .meta({ description: "Anything a reader should know about the figure." })
      .optional(),
  })
  .meta({ description: "A value with its source and a note." });

/** Any value a scenario field may hold: short, a schedule, or long. */
export const field = z.union([valueText, schedule, longValue], {
  error: "expected a value (such as 2% to 4%), a schedule {2026Q3: …} or { value, source, note }",
});

/**
 * A stock: its value in the first quarter, and its flow, added to it at the end of each quarter.
 * `flow` is required; a missing flow is reported when the file is read (see readFlow), with a
 * clearer message than a union of schemas can give.
 */
export const stockValue = z
  .strictObject({
    stock: valueText.meta({
      description: "The value in the first quarter (it may not read the clock or another stock).",
    }),
    flow: valueText
      .meta({
        description:
          "The change per quarter, in the stock's unit: a value or a formula that may read any " +
          "assumption, this stock and other stocks included (at the start of the quarter).",
      })
      .optional(),
    source: sourceText.optional(),
    note: z
      .string()
      .meta({ description: "Anything a reader should know about the figure." })
      .optional(),
  })
  .meta({ description: "A stock { stock: start value, flow: = change per quarter }." });

/** What an assumption may hold: any field value, or a stock. */
export const assumptionValue = z.union([valueText, schedule, longValue, stockValue], {
  error:
    "expected a value (such as 2% to 4%), a schedule {2026Q3: …}, { value, source, note } or a stock { stock, flow }",
});
