// An output as written in the scenario file: its name, its formula and where both are, so that
// every problem can point at its place.

/** An output declared in the `outputs:` section. */
export interface OutputSource {
  /** The output's name. */
  readonly name: string;
  /** Offset of the name in the file. */
  readonly nameStart: number;
  /** Offset just past the name. */
  readonly nameEnd: number;
  /** The formula's text, without its leading `=`. */
  readonly text: string;
  /** Offset in the file of the first character of `text`. */
  readonly textStart: number;
  /** A note for readers, when given. */
  readonly note?: string;
}
