// The helper thread of a Monte Carlo stepped in one thread (pipelinedMonteCarlo.ts): one long
// task that, each time the main thread says on its port that a quarter has been stepped, computes
// that quarter's summaries from the quarter's series (which the main thread wrote into one of two
// quarter buffers, while it steps the next quarter into the other) and answers with the quarter.

import type { MessagePort } from "node:worker_threads";
import { summaryScratch } from "../sample/orderStatistics.js";
import {
  type bufferMemory,
  buffersFrom,
  type MonteCarloJob,
  withSeries,
} from "../sim/monteCarloJob.js";
import { quarterTasks, runSummaryTask } from "../sim/monteCarloSummary.js";

/** What the main thread gives the helper. */
export interface SummaryWorkerData {
  readonly job: MonteCarloJob;
  /** The run's shared buffers; their quarter buffer holds the even quarters' series. */
  readonly memory: ReturnType<typeof bufferMemory>;
  /** The second quarter buffer, for the odd quarters' series. */
  readonly odd: SharedArrayBuffer;
}

/** The quarter number that ends the task. */
export const STOP = -1;

/** Summarises each quarter named on `port` until it is sent STOP. */
export default function summarizeQuarters(
  data: SummaryWorkerData & { readonly port: MessagePort },
): Promise<void> {
  const { job, memory, odd, port } = data;
  const even = buffersFrom(memory, job);
  const oddQuarters = withSeries(even, new Float64Array(odd));
  const scratch = summaryScratch();
  return new Promise((resolve) => {
    port.on("message", (q: number) => {
      if (q === STOP) {
        port.close();
        resolve();
        return;
      }
      for (const task of quarterTasks(job, q))
        if (task.source === "series")
          runSummaryTask(job, q % 2 === 0 ? even : oddQuarters, task, scratch);
      port.postMessage(q);
    });
  });
}
