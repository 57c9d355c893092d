// Where a worker thread's module is: compiled JavaScript next to this file, or TypeScript run
// through tsx when the CLI itself runs from source (tests).

/** The worker module `name` (without extension) and the Node flags it needs. */
export function workerFile(name: string): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith(".ts");
  const filename = new URL(`./${name}.${fromSource ? "ts" : "js"}`, import.meta.url).href;
  return { filename, execArgv: fromSource ? ["--import", "tsx"] : [] };
}
