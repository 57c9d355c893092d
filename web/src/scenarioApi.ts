// The server's few answers: the built-in scenarios' names and texts, and the scenario named on
// the command line.

/** The scenario the server was started with. */
export interface InitialScenario {
  /** Its name (a built-in's, or the file's). */
  readonly name: string;
  /** Its YAML text. */
  readonly text: string;
  /** True for a built-in scenario. */
  readonly builtIn: boolean;
}

/** The built-in scenarios' names. */
export async function fetchBuiltIns(): Promise<string[]> {
  const response = await fetch("./api/scenarios");
  return response.ok ? ((await response.json()) as string[]) : [];
}

/** A built-in scenario's text, or null when the server has none of that name. */
export async function fetchBuiltIn(name: string): Promise<string | null> {
  const response = await fetch(`./api/scenarios/${encodeURIComponent(name)}`);
  return response.ok ? response.text() : null;
}

/** The scenario named on the command line. */
export async function fetchInitial(): Promise<InitialScenario> {
  const response = await fetch("./api/initial");
  return (await response.json()) as InitialScenario;
}
