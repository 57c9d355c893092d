// Runs a checked `perpetuum clear` request with its method and returns the JSON document the
// command prints: the inputs' method and size, then the method's own output fields.

import type { ClearRequest } from "./clearRequestSchema.js";
import { crossOwnership } from "./crossOwnership.js";
import { csrFromEdges } from "./csr.js";
import { debtRank } from "./debtRank.js";
import { clearEisenbergNoe } from "./eisenbergNoe.js";
import { elliottGolubJackson } from "./elliottGolubJackson.js";
import { furfine } from "./furfine.js";
import { clearRogersVeraart } from "./rogersVeraart.js";

/** A JSON value of the output document. */
type Json = number | boolean | string | null | Json[] | { [key: string]: Json };

const numbers = (x: Float64Array | Int32Array): number[] => Array.from(x);
const booleans = (x: Uint8Array): boolean[] => Array.from(x, (b) => b === 1);

/**
 * The output document of `request`: `method`, `n`, `nodes` when named, then the method's fields
 * (see docs/network.md for each method's fields and their meaning).
 */
export function runClearRequest(request: ClearRequest): Record<string, Json> {
  const head: Record<string, Json> = { method: request.method, n: request.n };
  if (request.nodes !== undefined) head.nodes = request.nodes;
  return { ...head, ...methodFields(request) };
}

function methodFields(request: ClearRequest): Record<string, Json> {
  const vec = (x: readonly number[]) => Float64Array.from(x);
  switch (request.method) {
    case "eisenberg-noe":
    case "rogers-veraart": {
      const input = {
        liabilities: csrFromEdges(request.n, request.liabilities),
        externalAssets: vec(request.externalAssets),
        externalLiabilities:
          request.externalLiabilities === undefined
            ? new Float64Array(request.n)
            : vec(request.externalLiabilities),
      };
      const r =
        request.method === "eisenberg-noe"
          ? clearEisenbergNoe(input)
          : clearRogersVeraart(input, request.alpha, request.beta);
      return {
        ...(request.method === "rogers-veraart"
          ? { alpha: request.alpha, beta: request.beta }
          : {}),
        payments: numbers(r.payments),
        totalLiabilities: numbers(r.totalLiabilities),
        paymentsReceived: numbers(r.paymentsReceived),
        defaulted: booleans(r.defaulted),
        defaultRound: numbers(r.defaultRound),
        equity: numbers(r.equity),
        netPosition: numbers(r.netPosition),
        recoveryRate: numbers(r.recoveryRate),
        totalShortfall: r.totalShortfall,
        externalCreditorPayments: r.externalCreditorPayments,
        externalCreditorLoss: r.externalCreditorLoss,
        deadweightLoss: r.deadweightLoss,
        totalEquity: r.totalEquity,
      };
    }
    case "debtrank": {
      const r = debtRank({
        n: request.n,
        exposures: request.exposures,
        capital: vec(request.capital),
        weights: vec(request.weights),
        initialStress: vec(request.initialStress),
        variant: request.variant,
        capImpactAtOne: request.capImpactAtOne,
      });
      return {
        variant: request.variant,
        capImpactAtOne: request.capImpactAtOne,
        finalStress: numbers(r.finalStress),
        debtRank: r.debtRank,
        additionalDefaults: r.additionalDefaults,
      };
    }
    case "furfine": {
      const r = furfine({
        n: request.n,
        exposures: request.exposures,
        capital: vec(request.capital),
        initiallyFailed: request.initiallyFailed,
        lossGivenDefault: request.lossGivenDefault,
      });
      return {
        lossGivenDefault: request.lossGivenDefault,
        failed: booleans(r.failed),
        failureRound: numbers(r.failureRound),
        rounds: r.rounds,
      };
    }
    case "egj": {
      const r = elliottGolubJackson({
        n: request.n,
        crossHoldings: request.crossHoldings,
        assetHoldings: request.assetHoldings,
        m: request.assetPrices.length,
        assetPrices: vec(request.assetPrices),
        failureThresholds: vec(request.failureThresholds),
        failureCosts: vec(request.failureCosts),
      });
      return {
        marketValuesNoFailures: numbers(r.marketValuesNoFailures),
        marketValues: numbers(r.marketValues),
        failed: booleans(r.failed),
        failureWave: numbers(r.failureWave),
      };
    }
    case "cross-ownership": {
      const r = crossOwnership({
        n: request.n,
        equityCrossHoldings: request.equityCrossHoldings,
        debtCrossHoldings: request.debtCrossHoldings,
        externalAssets: vec(request.externalAssets),
        nominalDebt: vec(request.nominalDebt),
      });
      return {
        firmValue: numbers(r.firmValue),
        equityValue: numbers(r.equityValue),
        debtValue: numbers(r.debtValue),
        defaulted: booleans(r.defaulted),
        equityValueToOutsideHolders: numbers(r.equityValueToOutsideHolders),
        debtValueToOutsideHolders: numbers(r.debtValueToOutsideHolders),
        iterations: r.iterations,
        converged: r.converged,
      };
    }
    default:
      return request satisfies never;
  }
}
