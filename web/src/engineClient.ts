// The page's side of the engine: a worker for checks and point runs (the latest request wins)
// and one for Monte Carlo runs, kept warm between runs and replaced when a run goes stale so it
// stops at once.

import type { MonteCarloReply, PointReply, PointRequest } from "./messages.js";

/** Samples of the Monte Carlo run after each change. */
export const MONTE_CARLO_SAMPLES = 2000;

/** Seed of those runs (the CLI's default). */
export const MONTE_CARLO_SEED = 1;

/** Quiet time after the last change before the Monte Carlo starts, in milliseconds. */
export const MONTE_CARLO_DELAY_MS = 300;

/** What the client reports to the page. */
export interface EngineListener {
  /** A point run's reply, with the text it was for. */
  point(reply: PointReply, text: string): void;
  /** A Monte Carlo reply, or null when the text changes (the last result is then stale). */
  monteCarlo(reply: MonteCarloReply | null): void;
}

/** A new worker running the engine. */
export function engineWorker(): Worker {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" });
}

/** Sends scenario texts to the engine's workers and hands back the replies that are current. */
export class EngineClient {
  private readonly pointWorker = engineWorker();
  private monteCarloWorker: Worker | null = null;
  private monteCarloBusy = false;
  private lastId = 0;
  private inFlight: PointRequest | null = null;
  private queued: PointRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Starts the point worker; replies go to `listener`. */
  constructor(private readonly listener: EngineListener) {
    this.pointWorker.onmessage = (event: MessageEvent<PointReply>) => {
      const sent = this.inFlight;
      this.inFlight = null;
      if (sent !== null) this.listener.point(event.data, sent.text);
      const next = this.queued;
      this.queued = null;
      if (next !== null) this.sendPoint(next);
    };
  }

  /** Checks and point-runs `text` now, and a Monte Carlo once nothing changes for a moment. */
  submit(name: string, text: string): void {
    const id = ++this.lastId;
    const request: PointRequest = { kind: "point", id, name, text };
    if (this.inFlight === null) this.sendPoint(request);
    else this.queued = request;
    clearTimeout(this.timer);
    this.stopMonteCarlo();
    this.listener.monteCarlo(null);
    this.timer = setTimeout(() => this.startMonteCarlo(id, name, text), MONTE_CARLO_DELAY_MS);
  }

  /** Stops both workers. */
  dispose(): void {
    clearTimeout(this.timer);
    this.monteCarloWorker?.terminate();
    this.pointWorker.terminate();
  }

  /** Sends `request` to the point worker, which has nothing else in hand. */
  private sendPoint(request: PointRequest): void {
    this.inFlight = request;
    this.pointWorker.postMessage(request);
  }

  /** Stops a Monte Carlo in progress (its text is stale); an idle worker is kept warm. */
  private stopMonteCarlo(): void {
    if (!this.monteCarloBusy) return;
    this.monteCarloWorker?.terminate();
    this.monteCarloWorker = null;
    this.monteCarloBusy = false;
  }

  /** Starts the Monte Carlo of request `id` (a warm worker if there is one). */
  private startMonteCarlo(id: number, name: string, text: string): void {
    if (this.monteCarloWorker === null) {
      const worker = engineWorker();
      worker.onmessage = (event: MessageEvent<MonteCarloReply>) => {
        this.monteCarloBusy = false;
        if (event.data.id === this.lastId) this.listener.monteCarlo(event.data);
      };
      this.monteCarloWorker = worker;
    }
    this.monteCarloBusy = true;
    this.monteCarloWorker.postMessage({
      kind: "monteCarlo",
      id,
      name,
      text,
      samples: MONTE_CARLO_SAMPLES,
      seed: MONTE_CARLO_SEED,
    });
  }
}
