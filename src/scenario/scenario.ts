// The typed scenario: what the file says, with the positions needed to point at any part of it.

import type { OutputSource } from "../outputs/outputSource.js";
import type { CorrelationSource } from "./correlations.js";
import type { SystemSpec } from "./system.js";

/** An assumption as written: its name, the text of its value and where both are. */
export interface AssumptionSource {
  /** The assumption's name. */
  readonly name: string;
  /** Offset of the name in the file. */
  readonly nameStart: number;
  /** Offset just past the name. */
  readonly nameEnd: number;
  /** The value's text (without the leading `=` of a formula). */
  readonly text: string;
  /** Offset in the file of the first character of `text`. */
  readonly textStart: number;
  /** True when the value was written as a formula (`= …`). */
  readonly formula: boolean;
  /** Where the figure comes from, when given. */
  readonly source?: string;
  /** A note for readers, when given. */
  readonly note?: string;
  /** For a step schedule `{2026Q3: …}`: its entries in quarter order (then `text` is unused). */
  readonly schedule?: readonly ScheduleEntry[];
  /** For the flow of a stock (named `<stock>.flow`): the stock's name. */
  readonly flowOf?: string;
}

/** One step of a schedule: from `quarter` on, the value written at `textStart`. */
export interface ScheduleEntry {
  /** Quarter index from which the value holds. */
  readonly quarter: number;
  /** Offsets of the quarter key. */
  readonly keyStart: number;
  /** End of the quarter key. */
  readonly keyEnd: number;
  /** The value's text (without a leading `=`). */
  readonly text: string;
  /** Offset of the text. */
  readonly textStart: number;
}

/** A parsed scenario file. */
export interface Scenario {
  /** The scenario's name. */
  readonly name: string;
  /** What it models, when given. */
  readonly description?: string;
  /** Index of the first quarter (see quarter.ts). */
  readonly start: number;
  /** Horizon in quarters (≥ 1). */
  readonly quarters: number;
  /** Assumptions in file order, then every numeric field of the entities, contracts and
   * capacity, named `<id>.<field>` (see system.ts). */
  readonly assumptions: readonly AssumptionSource[];
  /** The companies, contracts and capacity of the loop. */
  readonly system: SystemSpec;
  /** Target rank correlations between uncertain assumptions, as written. */
  readonly correlations: readonly CorrelationSource[];
  /** Declared outputs, in file order (see docs/scenario-language.md#outputs). */
  readonly outputs: readonly OutputSource[];
}
