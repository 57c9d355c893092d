// Runs the CLI in-process with captured output, and through its real entry point (bin/).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  /** Exit code. */
  readonly code: number;
  /** Standard output. */
  readonly stdout: string;
  /** Standard error. */
  readonly stderr: string;
}

/** An Io that keeps what a command writes: `io` to pass, `stdout()` and `stderr()` to read. */
export function captureIo(): { io: Io; stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  const io = {
    out: (t: string) => {
      stdout += t;
    },
    err: (t: string) => {
      stderr += t;
    },
    errIsTty: false,
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** Runs `perpetuum ARGS…` in this process. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const { io, stdout, stderr } = captureIo();
  const code = await main(["node", "perpetuum", ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `node bin/perpetuum.js ARGS…` as a child process (the compiled CLI, as users run it). */
export function runBin(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ["bin/perpetuum.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
