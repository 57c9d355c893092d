// The main thread's handle on the summary helper thread (summaryWorker.ts, one long task on a
// pool of one thread): it starts the thread, tells it which quarters are stepped, and lets the
// main thread wait until a quarter's summaries are done. A failure of the thread rejects the wait,
// so a run never hangs on it.

import { MessageChannel, type MessagePort } from "node:worker_threads";
import { Piscina } from "piscina";
import { STOP, type SummaryWorkerData } from "./summaryWorker.js";
import { workerFile } from "./workerFile.js";

/** A running summary helper thread. */
export class SummaryHelper {
  private readonly pool: Piscina;
  private readonly port: MessagePort;
  private readonly task: Promise<void>;
  /** The last quarter whose summaries are done (−1: none yet). */
  private done = -1;
  private failure: Error | null = null;
  private waiter: {
    readonly quarter: number;
    readonly settle: (error: Error | null) => void;
  } | null = null;

  /** Starts the helper on `data`. */
  constructor(data: SummaryWorkerData) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.pool = new Piscina({ ...workerFile("summaryWorker"), minThreads: 1, maxThreads: 1 });
    this.port.on("message", (q: number) => {
      this.done = q;
      if (this.waiter !== null && q >= this.waiter.quarter) this.wake(null);
    });
    this.task = this.pool.run({ ...data, port: port2 }, { transferList: [port2] });
    this.task.catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.wake(this.failure);
    });
  }

  private wake(error: Error | null): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.settle(error);
  }

  /** Asks for the summaries of quarter `q`, whose series are in its quarter buffer. */
  summarize(q: number): void {
    this.port.postMessage(q);
  }

  /** Resolves once the summaries of quarter `q` (and of every quarter before) are done. */
  summarized(q: number): Promise<void> {
    if (this.done >= q) return Promise.resolve();
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiter = { quarter: q, settle: (error) => (error === null ? resolve() : reject(error)) };
    });
  }

  /** Ends the task and stops the thread. */
  async stop(): Promise<void> {
    this.port.postMessage(STOP);
    await this.task.catch(() => undefined);
    this.port.close();
    await this.pool.destroy();
  }
}
