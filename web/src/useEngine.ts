// The engine as a hook: the latest point run and Monte Carlo of the page's text.

import { useEffect, useRef, useState } from "preact/hooks";
import { EngineClient } from "./engineClient.js";
import type { MonteCarloReply, PointReply } from "./messages.js";

/** What the engine last answered. */
export interface EngineState {
  /** The latest point run's reply, with the text it was for. */
  readonly point: { readonly reply: PointReply; readonly text: string } | null;
  /** The latest Monte Carlo reply, or null while one runs (or before the first). */
  readonly monteCarlo: MonteCarloReply | null;
}

/** Runs `text` through the engine whenever it changes (nothing while it is null). */
export function useEngine(name: string, text: string | null): EngineState {
  const [state, setState] = useState<EngineState>({ point: null, monteCarlo: null });
  const client = useRef<EngineClient | null>(null);
  useEffect(() => {
    const c = new EngineClient({
      point: (reply, sent) => setState((s) => ({ ...s, point: { reply, text: sent } })),
      monteCarlo: (reply) => setState((s) => ({ ...s, monteCarlo: reply })),
    });
    client.current = c;
    return () => c.dispose();
  }, []);
  useEffect(() => {
    if (text !== null) client.current?.submit(name, text);
  }, [name, text]);
  return state;
}
