// The app: the scenario's text is the whole state; sliders and the editor rewrite it, the engine's
// worker checks and runs it, and the views show the latest results.

import { useEffect, useRef, useState } from "preact/hooks";
import { Editor } from "./Editor.js";
import { MONTE_CARLO_SAMPLES } from "./engineClient.js";
import type { PointView, SliderSpec } from "./messages.js";
import { restoreState, type Shown } from "./restoreState.js";
import { Sliders } from "./Sliders.js";
import { fetchBuiltIn, fetchBuiltIns } from "./scenarioApi.js";
import { rewriteEnd, type SliderRange, sliderRange } from "./sliders.js";
import { Toolbar } from "./Toolbar.js";
import { hashFor } from "./urlState.js";
import { useEngine } from "./useEngine.js";
import { useReport } from "./useReport.js";
import { isView, VIEWS, type ViewName, Views } from "./Views.js";

/** The app. */
export function App() {
  const [doc, setDoc] = useState<Shown | null>(null);
  const [view, setView] = useState<ViewName>("overview");
  const [notice, setNotice] = useState<string | null>(null);
  const [builtIns, setBuiltIns] = useState<string[]>([]);
  const [local, setLocal] = useState<{ text: string; specs: readonly SliderSpec[] } | null>(null);
  const ranges = useRef(new Map<string, SliderRange>());
  const lastView = useRef<PointView | null>(null);
  const lastSpecs = useRef<readonly SliderSpec[]>([]);
  const hashTurn = useRef(0);
  const restoreTurn = useRef(0);
  const engine = useEngine(doc?.name ?? "", doc?.text ?? null);
  const report = useReport(doc?.name ?? "", doc?.text ?? null, view === "report");

  const open = (shown: Shown) => {
    ranges.current.clear();
    lastView.current = null;
    lastSpecs.current = [];
    setLocal(null);
    setDoc(shown);
  };

  /**
   * Shows what `hash` names, dropping any write of the state shown before and any restore still
   * under way (a quick back and forward must not end on the older hash).
   */
  const restore = (hash: string) => {
    hashTurn.current++;
    const turn = ++restoreTurn.current;
    restoreState(hash)
      .then((r) => {
        if (turn !== restoreTurn.current) return;
        open(r.scenario);
        if (isView(r.view)) setView(r.view);
        setNotice(r.notice);
      })
      .catch((error: unknown) => setNotice(`The server did not answer: ${String(error)}`));
  };

  useEffect(() => {
    restore(location.hash);
    void fetchBuiltIns().then(setBuiltIns);
    // A URL edited by hand, or the browser's back and forward, loads what its hash names. The
    // app's own writes (replaceState) fire no such event. The event's URL is read, not the
    // location, which a write of the state shown before may have replaced since.
    const onHashChange = (event: HashChangeEvent) => restore(new URL(event.newURL).hash);
    addEventListener("hashchange", onHashChange);
    return () => removeEventListener("hashchange", onHashChange);
  }, []);

  useEffect(() => {
    if (doc === null) return;
    const turn = ++hashTurn.current;
    const timer = setTimeout(() => {
      const what =
        doc.builtIn === null ? { name: doc.name, text: doc.text } : { builtIn: doc.builtIn };
      void hashFor(what, view).then((hash) => {
        if (turn === hashTurn.current) history.replaceState(null, "", hash);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [doc, view]);

  if (doc === null) return <p class="loading">{notice ?? "Loading…"}</p>;

  const point = engine.point;
  const current = point !== null && point.text === doc.text ? point.reply : null;
  const specs =
    current !== null
      ? current.problems.length === 0
        ? current.sliders
        : null
      : local?.text === doc.text
        ? local.specs
        : null;
  if (specs !== null) lastSpecs.current = specs;
  if (point?.reply.view) lastView.current = point.reply.view;
  const shownView = lastView.current;
  const problems = point?.reply.problems ?? [];
  const mc = engine.monteCarlo;

  const rangeOf = (spec: SliderSpec): SliderRange => {
    const known = ranges.current.get(spec.name);
    const inside = known && spec.ends.every((e) => e.value >= known.min && e.value <= known.max);
    if (known && inside) return known;
    const range = sliderRange(spec);
    ranges.current.set(spec.name, range);
    return range;
  };
  const moveSlider = (name: string, end: number, value: number, step: number) => {
    if (specs === null) return;
    const next = rewriteEnd(doc.text, specs, name, end, value, step);
    setLocal({ text: next.text, specs: next.sliders });
    setDoc({ ...doc, text: next.text, builtIn: null });
  };

  return (
    <div class="app">
      <header>
        <h1>perpetuum</h1>
        <span class="scenario-name" data-testid="scenario-name">
          {doc.name}
        </span>
        <Toolbar
          builtIns={builtIns}
          builtIn={doc.builtIn}
          name={doc.name}
          text={doc.text}
          onBuiltIn={(name) =>
            void fetchBuiltIn(name).then((text) =>
              text === null
                ? setNotice(`There is no built-in scenario ${name}.`)
                : open({ name, text, builtIn: name }),
            )
          }
          onFile={(name, text) => {
            setNotice(null);
            open({ name, text, builtIn: null });
          }}
          onNotice={setNotice}
        />
      </header>
      {notice !== null && (
        <div class="notice" role="alert" data-testid="notice">
          {notice}{" "}
          <button type="button" onClick={() => setNotice(null)}>
            dismiss
          </button>
        </div>
      )}
      <div class="layout">
        <aside class="side">
          <h2>Assumptions</h2>
          <fieldset class="slider-box" disabled={specs === null}>
            <Sliders specs={specs ?? lastSpecs.current} rangeOf={rangeOf} onChange={moveSlider} />
          </fieldset>
          <h2>Scenario</h2>
          <Editor
            text={doc.text}
            problems={problems}
            onEdit={(text) => setDoc({ ...doc, text, builtIn: null })}
          />
        </aside>
        <main class="views">
          <nav class="tabs">
            {VIEWS.map((v) => (
              <button
                type="button"
                key={v}
                data-testid={`tab-${v}`}
                aria-pressed={v === view}
                onClick={() => setView(v)}
              >
                {v}
              </button>
            ))}
          </nav>
          {problems.length > 0 && (
            <p class="warn" data-testid="stale">
              The scenario has {problems.length} problem{problems.length === 1 ? "" : "s"} (see
              below the text); the views show the last version that checked.
            </p>
          )}
          {point?.reply.failure && <p class="warn">The run failed: {point.reply.failure}</p>}
          {shownView === null ? (
            <p class="muted">{point === null ? "Running…" : "Nothing to show yet."}</p>
          ) : (
            <Views
              view={view}
              point={shownView}
              monteCarlo={mc?.view ?? null}
              running={mc === null}
              report={report}
            />
          )}
          <p class="muted status" data-testid="status">
            {point ? `point run ${Math.round(point.reply.ms)} ms` : "point run …"} ·{" "}
            {mc === null
              ? `Monte Carlo of ${MONTE_CARLO_SAMPLES.toLocaleString("en-US")} samples running…`
              : mc.view
                ? `Monte Carlo of ${mc.view.samples.toLocaleString("en-US")} samples ${Math.round(mc.ms)} ms`
                : `no Monte Carlo: ${mc.failure ?? ""}`}
          </p>
        </main>
      </div>
    </div>
  );
}
