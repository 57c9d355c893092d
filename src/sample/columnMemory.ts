// Sample columns laid out one after another in a WebAssembly memory, so that kernels compiled to
// WebAssembly (wasmKernel.ts) can read and write them; JavaScript reads them through ordinary
// Float64Array views. Shared across threads when the memory is.

import { type WasmMemory, webAssembly } from "../wasm/platform.js";

/** Bytes of a WebAssembly page. */
const PAGE_BYTES = 65536;

/** Most pages of a WebAssembly memory (4 GiB). */
const MAX_PAGES = 65536;

/** Columns of `samples` doubles each, column k at byte offset 8 · k · samples of `memory`. */
export interface ColumnMemory {
  readonly memory: WasmMemory;
  /** One view per column, in order. */
  readonly columns: readonly Float64Array[];
}

/** Views of `count` columns of `samples` doubles laid out one after another in `memory`. */
export function columnsIn(memory: WasmMemory, count: number, samples: number): ColumnMemory {
  const columns = Array.from(
    { length: count },
    (_, k) => new Float64Array(memory.buffer, 8 * k * samples, samples),
  );
  return { memory, columns };
}

/** The pages of a memory of `count` columns of `samples` doubles, or null beyond one memory. */
export function memoryPages(count: number, samples: number): number | null {
  const pages = Math.max(1, Math.ceil((8 * count * samples) / PAGE_BYTES));
  return pages > MAX_PAGES ? null : pages;
}

/**
 * Zeroed memory for `count` columns of `samples` doubles (shared across threads when `shared`),
 * or null where the platform has no WebAssembly or they would not fit in one memory.
 */
export function columnMemory(count: number, samples: number, shared: boolean): ColumnMemory | null {
  const api = webAssembly();
  const pages = memoryPages(count, samples);
  if (api === null || pages === null) return null;
  let memory: WasmMemory;
  try {
    memory = new api.Memory({ initial: pages, maximum: pages, shared });
  } catch {
    return null;
  }
  return columnsIn(memory, count, samples);
}
