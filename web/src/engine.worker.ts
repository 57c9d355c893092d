// The engine's Web Worker: checks and runs scenarios off the page's thread, one request at a time.
// The report's code (and its chart library) is loaded only by a worker asked for a report.

import { failedReply, runMonteCarlo, runPoint } from "./engine.js";
import type { EngineReply, EngineRequest } from "./messages.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** The reply to one request. */
async function answer(request: EngineRequest): Promise<EngineReply> {
  switch (request.kind) {
    case "point":
      return runPoint(request);
    case "monteCarlo":
      return runMonteCarlo(request);
    case "report":
      return (await import("./report.js")).runReport(request);
    default:
      return request satisfies never;
  }
}

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  answer(request)
    .catch((error: unknown) => failedReply(request, error))
    .then((reply) => scope.postMessage(reply));
};
