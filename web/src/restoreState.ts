// What the page opens with: the scenario and view its URL names, else the server's scenario.

import { fetchBuiltIn, fetchInitial } from "./scenarioApi.js";
import { parseHash, unpackText } from "./urlState.js";

/** A scenario the page shows. */
export interface Shown {
  /** Its name, shown in problems in place of a path. */
  readonly name: string;
  /** Its YAML text. */
  readonly text: string;
  /** The built-in it is, unchanged, else null. */
  readonly builtIn: string | null;
}

/** The starting scenario and view, and why the URL's scenario could not be used, if so. */
export interface Restored {
  /** The scenario to show. */
  readonly scenario: Shown;
  /** The view the URL names, if any (checked by the page). */
  readonly view: string | null;
  /** Why the URL's scenario was not used, or null. */
  readonly notice: string | null;
}

/** Reads `hash` and fetches what it names, falling back to the server's scenario. */
export async function restoreState(hash: string): Promise<Restored> {
  const state = parseHash(hash);
  let notice: string | null = null;
  if (state.scenario?.kind === "builtIn") {
    const text = await fetchBuiltIn(state.scenario.name);
    if (text !== null) {
      const { name } = state.scenario;
      return { scenario: { name, text, builtIn: name }, view: state.view, notice };
    }
    notice = `There is no built-in scenario ${state.scenario.name}; showing the server's.`;
  } else if (state.scenario?.kind === "text") {
    const unpacked = await unpackText(state.scenario.packed);
    if (unpacked.ok) {
      const scenario = { name: state.scenario.name, text: unpacked.text, builtIn: null };
      return { scenario, view: state.view, notice };
    }
    notice = `${unpacked.message}; showing the server's scenario.`;
  }
  const initial = await fetchInitial();
  const builtIn = initial.builtIn ? initial.name : null;
  return {
    scenario: { name: initial.name, text: initial.text, builtIn },
    view: state.view,
    notice,
  };
}
