// The engine's Web Worker: checks and runs scenarios off the page's thread, one request at a time.

import { runMonteCarlo, runPoint } from "./engine.js";
import type { EngineReply, EngineRequest } from "./messages.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  const reply: EngineReply = request.kind === "point" ? runPoint(request) : runMonteCarlo(request);
  scope.postMessage(reply);
};
