// Where the CLI writes: paths refused before any work with a message that says why, folders made
// with their parents, and a failed write reported as the option's error, never a stack trace.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/io.js";
import { makeFolder, outputFile, outputFolder, writing } from "../../src/cli/outputPath.js";
import { runCli } from "../support/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "perpetuum-out-"));
const file = join(dir, "a-file.txt");
writeFileSync(file, "x");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("outputFile and outputFolder", () => {
  it("accept a new file in an existing folder and a new folder anywhere under one", () => {
    expect(outputFile(join(dir, "r.html"), "--out", "report.html")).toBe(join(dir, "r.html"));
    expect(outputFolder(join(dir, "new", "deeper"), "--out")).toBe(join(dir, "new", "deeper"));
  });

  it("refuse a folder for a file, a missing folder, and a file where a folder must be", () => {
    expect(() => outputFile(dir, "--out", "report.html")).toThrow(
      `--out ${dir}: is a folder; give a file name such as report.html`,
    );
    expect(() => outputFile(join(dir, "no", "x.csv"), "--export", "samples.csv")).toThrow(
      `--export ${join(dir, "no", "x.csv")}: the folder ${join(dir, "no")} does not exist`,
    );
    expect(() => outputFile(join(file, "x.csv"), "--export", "samples.csv")).toThrow(
      `--export ${join(file, "x.csv")}: ${file} is a file, not a folder`,
    );
    expect(() => outputFolder(file, "--out")).toThrow(
      `--out ${file}: is a file; give a folder, such as results`,
    );
    expect(() => outputFolder(join(file, "a", "b"), "--out")).toThrow(
      `--out ${join(file, "a", "b")}: ${file} is a file, not a folder`,
    );
  });
});

describe("makeFolder", () => {
  it("makes a folder with its missing parents, and leaves an existing one alone", () => {
    const deep = join(dir, "m", "n", "o");
    makeFolder(deep);
    expect(existsSync(deep)).toBe(true);
    mkdirSync(join(deep, "kept"));
    makeFolder(deep);
    expect(existsSync(join(deep, "kept"))).toBe(true);
  });
});

describe("writing", () => {
  it("returns what the write returns", () => {
    expect(writing("--out", "x", () => 42)).toBe(42);
  });

  it("turns a system error into a UsageError naming the option and the path", () => {
    const failed = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
    });
    const call = () =>
      writing("--out", "r.html", () => {
        throw failed;
      });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      "--out r.html: could not write it (ENOSPC: no space left on device, write)",
    );
  });

  it("lets any other error through", () => {
    const call = () =>
      writing("--out", "r.html", () => {
        throw new TypeError("a bug");
      });
    expect(call).toThrow(TypeError);
  });
});

describe("the commands that write", () => {
  it("refuse a bad path before any work, with exit 1 and one line", async () => {
    const cases: [string[], string][] = [
      [
        ["sample", "examples/m1.yaml", "--export", join(dir, "none", "x.csv")],
        `perpetuum: --export ${join(dir, "none", "x.csv")}: the folder ${join(dir, "none")} does not exist\n`,
      ],
      [
        ["run", "ono", "--samples", "100", "--out", file],
        `perpetuum: --out ${file}: is a file; give a folder, such as results\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe("");
    }
  });
});
