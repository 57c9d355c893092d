// The HTML report's sections of the page's text, computed by a worker of their own while the
// report view is open (they take seconds: a Monte Carlo, sensitivity runs and charts).

import { useEffect, useRef, useState } from "preact/hooks";
import {
  engineWorker,
  MONTE_CARLO_DELAY_MS,
  MONTE_CARLO_SAMPLES,
  MONTE_CARLO_SEED,
} from "./engineClient.js";
import type { ReportReply, ReportRequest } from "./messages.js";

/** The report of the current text, or whether it is being made. */
export interface ReportState {
  /** The reply for the current text, or null. */
  readonly reply: ReportReply | null;
  /** True while the worker makes it. */
  readonly running: boolean;
}

/** Makes the report of `text` while `active`, once nothing changes for a moment. */
export function useReport(name: string, text: string | null, active: boolean): ReportState {
  const [state, setState] = useState<ReportState>({ reply: null, running: false });
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const lastId = useRef(0);
  const sentText = useRef("");
  const done = useRef<{ text: string; reply: ReportReply } | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  useEffect(() => {
    const id = ++lastId.current;
    if (busy.current) {
      worker.current?.terminate();
      worker.current = null;
      busy.current = false;
    }
    if (!active || text === null) {
      setState({ reply: null, running: false });
      return;
    }
    if (done.current?.text === text) {
      setState({ reply: done.current.reply, running: false });
      return;
    }
    setState({ reply: null, running: true });
    const timer = setTimeout(() => {
      let w = worker.current;
      if (w === null) {
        w = engineWorker();
        w.onmessage = (event: MessageEvent<ReportReply>) => {
          busy.current = false;
          if (event.data.id !== lastId.current) return;
          done.current = { text: sentText.current, reply: event.data };
          setState({ reply: event.data, running: false });
        };
        worker.current = w;
      }
      busy.current = true;
      sentText.current = text;
      const request: ReportRequest = {
        kind: "report",
        id,
        name,
        text,
        samples: MONTE_CARLO_SAMPLES,
        seed: MONTE_CARLO_SEED,
      };
      w.postMessage(request);
    }, MONTE_CARLO_DELAY_MS);
    return () => clearTimeout(timer);
  }, [name, text, active]);
  return state;
}
