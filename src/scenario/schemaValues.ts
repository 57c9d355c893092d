// Schemas of the values a scenario holds: a literal, an uncertain value or a formula; a step
// schedule by quarter; and the long form with a source and a note.

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
