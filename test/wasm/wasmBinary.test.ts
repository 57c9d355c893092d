// The WebAssembly encoding of compiled kernels: LEB128 integers against the format's reference
// values, exact doubles, and a module that validates, imports a function and a memory, and runs.
import { describe, expect, it } from "vitest";
import { doubleEncoder, F64, I32, moduleBinary, sleb, uleb } from "../../src/wasm/wasmBinary.js";

const float64 = doubleEncoder();

import { webAssembly } from "../../src/wasm/platform.js";
import { ALIGN_F64, OP } from "../../src/wasm/wasmOpcodes.js";

describe("the WebAssembly encoding", () => {
  it("writes unsigned and signed LEB128 integers as the format's examples do", () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(2 ** 32 - 1)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(sleb(0)).toEqual([0]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it("writes doubles bit for bit, −0 included", () => {
    expect(float64(1)).toEqual([0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(float64(-0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0x80]);
    const x = 0.1 + 0.2;
    expect(new Float64Array(Uint8Array.from(float64(x)).buffer)[0]).toBe(x);
    expect(float64(-0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0x80]);
    expect(float64(Number.NaN)).toEqual([0, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
  });

  it("makes a module that compiles, imports a function and a memory, and runs", () => {
    // run(address) = twice(memory[address] + 0.5), with twice imported from JavaScript.
    const bytes = moduleBinary({
      functions: [{ module: "f", field: "twice", type: { params: [F64], results: [F64] } }],
      memory: { module: "m", field: "memory", pages: 1, shared: false },
      exported: {
        name: "run",
        type: { params: [I32], results: [F64] },
        locals: [{ count: 1, type: F64 }],
        code: [
          ...[OP.localGet, 0, OP.f64Load, ALIGN_F64, 8, OP.f64Const, ...float64(0.5), OP.f64Add],
          ...[OP.localSet, 1, OP.localGet, 1, OP.call, 0],
        ],
      },
    });
    const api = webAssembly();
    if (api === null) throw new Error("no WebAssembly here");
    const memory = new api.Memory({ initial: 1, maximum: 1, shared: false });
    new Float64Array(memory.buffer)[3] = 20;
    const instance = new api.Instance(new api.Module(bytes), {
      f: { twice: (x: number) => 2 * x },
      m: { memory },
    });
    const run = instance.exports.run as (address: number) => number;
    expect(run(16)).toBe(41);
  });
});
