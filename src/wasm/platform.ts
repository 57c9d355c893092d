// The platform's WebAssembly, where it has one, typed by the little perpetuum uses of it: memories
// that hold sample columns and modules of compiled kernels. Read from the global object, like
// `Math`; an engine without it (or a page whose policy forbids compiling) runs the JavaScript
// evaluators instead.

/** A WebAssembly memory: its bytes, an ArrayBuffer, or a SharedArrayBuffer when it is shared. */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
}

/** What compiled kernels use of the WebAssembly API. */
export interface WasmApi {
  readonly Memory: new (descriptor: {
    initial: number;
    maximum: number;
    shared: boolean;
  }) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
}

/** The platform's WebAssembly API, or null where there is none. */
export function webAssembly(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return api ?? null;
}
