// The compiled CLI through its real entry point, bin/perpetuum.js, as users and npm start run it.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runBin } from "../support/runCli.js";

/** Runs bin/perpetuum.js with `args` and its standard output closed before it writes anything. */
function runIntoClosedPipe(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/perpetuum.js", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("bin/perpetuum.js", () => {
  it("checks a scenario and exits 0", () => {
    const r = runBin("check", "examples/m1.yaml");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("profit");
  });

  it("exits 1 on a user mistake with a message and no stack trace", () => {
    const r = runBin("sample", "examples/m1.yaml", "--samples", "0");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("perpetuum: --samples 0: expected a whole number of at least 1\n");
  });

  it("stops quietly when its reader goes away (perpetuum … | head)", async () => {
    for (const args of [
      ["run", "ono", "--format", "csv"],
      ["gap", "--help"],
    ]) {
      const r = await runIntoClosedPipe(...args);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
  });

  it("prints help with examples for each verb", () => {
    for (const verb of ["check", "sample", "run", "schema"]) {
      const r = runBin(verb, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Example");
    }
  });
});
