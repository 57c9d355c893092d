// What the page asks the engine's worker and what it answers: plain, cloneable data only.

import type { ReportSection } from "../../src/report/html/section.js";
import type { Band } from "../../src/sample/summarize.js";

/** A point run of the scenario's text (checked first): sent at every change. */
export interface PointRequest {
  /** The kind of request or reply. */
  readonly kind: "point";
  /** Increasing request number; replies to older ones are ignored. */
  readonly id: number;
  /** The name shown in messages in place of a path. */
  readonly name: string;
  /** The scenario's YAML. */
  readonly text: string;
}

/** A Monte Carlo of the scenario's text: sent once the user stops changing it. */
export interface MonteCarloRequest {
  /** The kind of request or reply. */
  readonly kind: "monteCarlo";
  /** Increasing request number; replies to older ones are ignored. */
  readonly id: number;
  /** The name shown in messages in place of a path. */
  readonly name: string;
  /** The scenario's YAML. */
  readonly text: string;
  /** Samples to draw. */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
}

/** The HTML report's sections of the scenario's text: sent while the report view is open. */
export interface ReportRequest {
  /** The kind of request or reply. */
  readonly kind: "report";
  /** Increasing request number; replies to older ones are ignored. */
  readonly id: number;
  /** The name shown in messages in place of a path. */
  readonly name: string;
  /** The scenario's YAML. */
  readonly text: string;
  /** Samples of the report's Monte Carlo. */
  readonly samples: number;
  /** Seed of the random streams. */
  readonly seed: number;
}

/** A request to the engine. */
export type EngineRequest = PointRequest | MonteCarloRequest | ReportRequest;

/** One problem of the scenario, as the CLI prints it. */
export interface Problem {
  /** `NAME:LINE:COL: message`, the source line and a caret, exactly as the CLI prints it. */
  readonly text: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
  /** Offset of the problem in the text. */
  readonly offset: number;
}

/** One number written in the scenario that a slider can move. */
export interface SliderEnd {
  /** Offset in the text of the number's digits (after any `$`). */
  readonly start: number;
  /** Length of the digits. */
  readonly length: number;
  /** The number as written (35 for `$35B`). */
  readonly value: number;
  /** The literal around the number (`$…B`, `…%`, `… W`). */
  readonly pattern: string;
}

/** An assumption written as a literal number or a 90% interval `A to B`. */
export interface SliderSpec {
  /** The assumption's name. */
  readonly name: string;
  /** One end for a number, two for an interval (lower, upper). */
  readonly ends: readonly SliderEnd[];
  /** Where the figure comes from, when the scenario says. */
  readonly source?: string;
}

/** One company's point run. */
export interface PointEntity {
  /** Entity id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Cash at the end of the horizon, in dollars. */
  readonly cashEnd: number;
  /** The quarter it defaulted in, or null. */
  readonly defaultedAt: string | null;
  /** Cash at the end of each quarter, in dollars. */
  readonly cash: readonly number[];
  /** Rows of the yearly table: a label and one value in dollars per year. */
  readonly yearly: readonly { readonly label: string; readonly values: readonly number[] }[];
}

/** What the page shows of a point run. */
export interface PointView {
  /** Quarter labels. */
  readonly quarters: readonly string[];
  /** Calendar years. */
  readonly years: readonly number[];
  /** The companies, in file order. */
  readonly entities: readonly PointEntity[];
  /** Events in order: quarter, entity and what happened. */
  readonly events: readonly { readonly quarter: string; readonly message: string }[];
  /** Declared outputs at the medians, formatted. */
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
}

/** Quantiles of one quarter's values across samples. */
export type { Band };

/** One company in a Monte Carlo run. */
export interface MonteCarloEntity {
  /** Entity id. */
  readonly id: string;
  /** P(defaulted within the horizon). */
  readonly pDefault: number;
  /** The quarter it defaults in most often and the probability of that, or null. */
  readonly likeliestDefault: { readonly quarter: string; readonly p: number } | null;
  /** Cash per quarter across samples, in dollars. */
  readonly cash: readonly Band[];
}

/** What the page shows of a Monte Carlo run. */
export interface MonteCarloView {
  /** Samples drawn. */
  readonly samples: number;
  /** Quarter labels. */
  readonly quarters: readonly string[];
  /** The companies, in file order. */
  readonly entities: readonly MonteCarloEntity[];
  /** Declared outputs summarised: a probability or mean and 90% range, formatted. */
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
}

/** The reply to a PointRequest. */
export interface PointReply {
  /** The kind of request or reply. */
  readonly kind: "point";
  /** The number of the request answered. */
  readonly id: number;
  /** The scenario's problems (empty when it checks). */
  readonly problems: readonly Problem[];
  /** The assumptions sliders can move (empty when it does not check). */
  readonly sliders: readonly SliderSpec[];
  /** The run, or null when the scenario has problems or nothing to simulate. */
  readonly view: PointView | null;
  /** A failure of the run itself (a bug), when any. */
  readonly failure: string | null;
  /** Milliseconds spent in the worker, checking and running. */
  readonly ms: number;
}

/** The reply to a MonteCarloRequest. */
export interface MonteCarloReply {
  /** The kind of request or reply. */
  readonly kind: "monteCarlo";
  /** The number of the request answered. */
  readonly id: number;
  /** The run, or null when the scenario has problems. */
  readonly view: MonteCarloView | null;
  /** Why there is no run, when there is none (problems are shown by the point run). */
  readonly failure: string | null;
  /** Milliseconds spent in the worker. */
  readonly ms: number;
}

/** The reply to a ReportRequest. */
export interface ReportReply {
  /** The kind of request or reply. */
  readonly kind: "report";
  /** The number of the request answered. */
  readonly id: number;
  /** The report's sections in reading order (empty when there is no report). */
  readonly sections: readonly ReportSection[];
  /** Calendar years of the loop's year selector. */
  readonly years: number;
  /** Why there is no report, when there is none. */
  readonly failure: string | null;
  /** Milliseconds spent in the worker. */
  readonly ms: number;
}

/** A reply from the engine. */
export type EngineReply = PointReply | MonteCarloReply | ReportReply;
