// A progress bar on standard error for work that runs longer than a second, and only when
// standard error is a terminal; silent otherwise (pipes, CI, tests).

import { Presets, SingleBar } from "cli-progress";
import type { Io } from "./io.js";

/** Milliseconds of work before a bar appears. */
const DELAY_MS = 1000;

/** Progress reporting: `update(done, total)` as work advances, `stop()` at the end. */
export interface Progress {
  /** Reports that `done` of `total` steps are finished. */
  update(done: number, total: number): void;
  /** Removes the bar, if one was shown. */
  stop(): void;
}

/** A progress bar labelled `label` on the process's standard error, when `io` says it is a TTY. */
export function progressBar(io: Io, label: string): Progress {
  if (!io.errIsTty) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: SingleBar | null = null;
  return {
    update(done, total) {
      if (bar === null) {
        if (Date.now() - started < DELAY_MS) return;
        bar = new SingleBar(
          {
            format: `${label} [{bar}] {percentage}% | {value}/{total} quarters | ETA {eta}s`,
            clearOnComplete: true,
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
