// `perpetuum clear`: each method's example request (examples/network/) gives its published
// figures through the CLI, standard input works, and bad requests fail with FILE:LINE:COL.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../support/runCli.js";

async function clear(name: string): Promise<Record<string, unknown>> {
  const r = await runCli("clear", `examples/network/${name}.json`);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("perpetuum clear", () => {
  it("clears the systemicrisk example by Eisenberg–Noe: bank A fails in round 1, bank B in round 2", async () => {
    const out = await clear("eisenberg-noe");
    expect(out.defaultRound).toEqual([1, 2, 0]);
    expect(out.defaulted).toEqual([true, true, false]);
    expect(out.nodes).toEqual(["bank A", "bank B", "bank C"]);
    const total =
      (out.totalEquity as number) +
      (out.externalCreditorPayments as number) +
      (out.deadweightLoss as number);
    expect(total).toBeCloseTo(0.5 + 0.625 + 0.75, 12);
  });

  it("clears it by Rogers–Veraart at alpha 0.5, beta 0.7 as systemicrisk's default_clearing does", async () => {
    const out = await clear("rogers-veraart");
    const payments = out.payments as number[];
    [4225 / 8416, 160275 / 311392, 176055 / 311392].forEach((p, i) => {
      expect(payments[i]).toBeCloseTo(p, 14);
    });
    expect(out.deadweightLoss).toBeCloseTo(10215 / 8416, 14);
  });

  it("gives NetworkRiskMeasures' README DebtRank of a 10% shock: 16.07%, no defaults", async () => {
    const out = await clear("debtrank");
    expect(out.debtRank).toBeCloseTo(0.160714, 6);
    expect(out.additionalDefaults).toBe(0);
  });

  it("runs the Furfine cascade one creditor further each round", async () => {
    const out = await clear("furfine");
    expect(out.failureRound).toEqual([0, 1, 2, 3]);
    expect(out.rounds).toBe(3);
  });

  it("fails Jackson's two organisations in two waves", async () => {
    const out = await clear("egj");
    expect(out.failureWave).toEqual([1, 2]);
    expect((out.marketValuesNoFailures as number[])[0]).toBeCloseTo(0.4, 14);
  });

  it("values Suzuki's four firms under cross-ownership", async () => {
    const out = await clear("cross-ownership");
    expect((out.equityValue as number[])[0]).toBeCloseTo(13747 / 10335, 13);
    expect(out.debtValue).toEqual([0.8, 0.8, 0.8, 0.8]);
    expect(out.converged).toBe(true);
  });

  it("reads the request from standard input with -", () => {
    const r = spawnSync(process.execPath, ["bin/perpetuum.js", "clear", "-"], {
      cwd: ROOT,
      encoding: "utf8",
      input: readFileSync(`${ROOT}/examples/network/furfine.json`, "utf8"),
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).rounds).toBe(3);
  });

  it("reports every problem of a bad request at its line and column, exit 1", async () => {
    const r = await runCli("clear", "test/cli/__fixtures__/bad-clear.json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    await expect(r.stderr).toMatchFileSnapshot("__golden__/bad-clear.txt");
  });

  it("says so when the file is missing", async () => {
    const r = await runCli("clear", "no/such/file.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("perpetuum: no/such/file.json: no such file\n");
  });
});
