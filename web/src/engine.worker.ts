// The engine's Web Worker: checks and runs scenarios off the page's thread, one request at a time.

import { failedReply, runMonteCarlo, runPoint } from "./engine.js";
import type { EngineReply, EngineRequest } from "./messages.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  let reply: EngineReply;
  try {
    reply = request.kind === "point" ? runPoint(request) : runMonteCarlo(request);
  } catch (error) {
    reply = failedReply(request, error);
  }
  scope.postMessage(reply);
};
