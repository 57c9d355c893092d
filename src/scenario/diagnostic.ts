// Problems found in a scenario, as data: a code, a message and where in the file it is.
// Formatting with the source at hand happens once, in formatDiagnostics.

/** A problem at a range of character offsets of the scenario's text. */
export interface Diagnostic {
  /** A stable identifier of the kind of problem, e.g. `unknown-reference`. */
  readonly code: string;
  /** What is wrong, and what was expected. */
  readonly message: string;
  /** Offset of the first character the problem is about. */
  readonly start: number;
  /** Offset just past the last character the problem is about (≥ start). */
  readonly end: number;
}

/** The outcome of a stage that may find problems in the user's input. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
