// Where the CLI writes: the process's streams in real use, buffers in tests.

/** Output sinks of a CLI invocation. */
export interface Io {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (progress bars only then). */
  readonly errIsTty: boolean;
}

/** An Io on the process's own streams. */
export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
  };
}

/** A user mistake the CLI reports in one message with exit code 1 (never a stack trace). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
