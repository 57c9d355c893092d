// The few pieces of the WebAssembly binary format (version 1) that compiled kernels need: LEB128
// integers, doubles, names, sections, and a module of imported functions and memory with one
// exported function. Opcodes are named in wasmOpcodes.ts.

/** Bytes of an unsigned LEB128 integer (0 ≤ value < 2^32). */
export function uleb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** Bytes of a signed LEB128 integer (−2^31 ≤ value < 2^31). */
export function sleb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    bytes.push(done ? low : low | 0x80);
    if (done) return bytes;
  }
}

/**
 * A function giving the eight little-endian bytes of a double, exactly (NaN payloads and −0
 * included), through one scratch buffer of its own, for encoding many constants.
 */
export function doubleEncoder(): (value: number) => number[] {
  const view = new DataView(new ArrayBuffer(8));
  return (value) => {
    view.setFloat64(0, value, true);
    const bytes: number[] = [];
    for (let k = 0; k < 8; k++) bytes.push(view.getUint8(k));
    return bytes;
  };
}

/** Appends `items` to `out`, one by one (spreading a long array into push overflows the stack). */
export function append(out: number[], items: readonly number[]): void {
  for (const item of items) out.push(item);
}

/** A name (an import's module or field, an export's name): its length, then its bytes. */
function name(text: string): number[] {
  const bytes = uleb(text.length);
  for (let k = 0; k < text.length; k++) bytes.push(text.charCodeAt(k));
  return bytes;
}

/** A vector: its length, then its items' bytes. */
function vector(items: readonly (readonly number[])[]): number[] {
  const bytes = uleb(items.length);
  for (const item of items) append(bytes, item);
  return bytes;
}

/** Appends a section to `out`: its id, its size, its bytes. */
function section(out: number[], id: number, bytes: readonly number[]): void {
  out.push(id);
  append(out, uleb(bytes.length));
  append(out, bytes);
}

/** The value type of 32-bit integers. */
export const I32 = 0x7f;
/** The value type of doubles. */
export const F64 = 0x7c;
/** The value type of 128-bit vectors (two doubles, for kernels). */
export const V128 = 0x7b;

/** A function's parameter and result types. */
export interface FunctionType {
  readonly params: readonly number[];
  readonly results: readonly number[];
}

/** An imported function: `module.field`, of type `type`. */
export interface FunctionImport {
  readonly module: string;
  readonly field: string;
  readonly type: FunctionType;
}

/** The one function a module defines and exports. */
export interface ExportedFunction {
  readonly name: string;
  readonly type: FunctionType;
  /** Its locals beyond the parameters, by type, in order. */
  readonly locals: readonly { readonly count: number; readonly type: number }[];
  /** Its instructions, without the final `end`. */
  readonly code: ArrayLike<number>;
}

/** A module's contents: its imports (memory last) and its function. */
export interface ModuleSpec {
  readonly functions: readonly FunctionImport[];
  /** The imported memory: `module.field`, its size in 64 KiB pages, and whether it is shared. */
  readonly memory: {
    readonly module: string;
    readonly field: string;
    readonly pages: number;
    readonly shared: boolean;
  };
  readonly exported: ExportedFunction;
}

/** A function type's bytes: 0x60, then its parameter and result types. */
function functionType(type: FunctionType): number[] {
  return [0x60, ...vector(type.params.map((t) => [t])), ...vector(type.results.map((t) => [t]))];
}

/**
 * The binary of a module importing `functions` and `memory` and defining one function, exported,
 * which may call the imported functions by their index in `functions`; its own index follows.
 */
export function moduleBinary(spec: ModuleSpec): Uint8Array {
  const { functions, memory, exported } = spec;
  const types = [...functions.map((f) => f.type), exported.type].map(functionType);
  const imports = [
    ...functions.map((f, k) => [...name(f.module), ...name(f.field), 0x00, ...uleb(k)]),
    [
      ...name(memory.module),
      ...name(memory.field),
      0x02,
      memory.shared ? 0x03 : 0x01,
      ...uleb(memory.pages),
      ...uleb(memory.pages),
    ],
  ];
  const locals = vector(exported.locals.map((l) => [...uleb(l.count), l.type]));
  const bodySize = locals.length + exported.code.length + 1;
  const head = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  section(head, 1, vector(types));
  section(head, 2, vector(imports));
  section(head, 3, vector([uleb(functions.length)]));
  section(head, 7, vector([[...name(exported.name), 0x00, ...uleb(functions.length)]]));
  const entry = [...uleb(1), ...uleb(bodySize)];
  head.push(10, ...uleb(entry.length + bodySize), ...entry);
  append(head, locals);
  // The code is the bulk of the module: copied once, not through the sections' arrays.
  const bytes = new Uint8Array(head.length + bodySize - locals.length);
  bytes.set(head);
  bytes.set(exported.code, head.length);
  bytes[bytes.length - 1] = 0x0b;
  return bytes;
}
