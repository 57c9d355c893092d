// Register operations, and their WebAssembly code for each lane of a kernel that computes several
// samples side by side (wholeRunKernel.ts): lane k keeps register r in its own local, so the
// lanes' operations are independent and the CPU overlaps them. The code of an operation is its
// width's (wasmLanes.ts), made once per operation with placeholders for the arguments and filled
// in for each lane: a kernel has thousands of operations, and building each one's code anew
// costed more than running the kernel.

import type { OpCode } from "../model/ir.js";
import type { ByteWriter } from "../wasm/byteWriter.js";
import { OP } from "../wasm/wasmOpcodes.js";
import type { Width } from "./wasmLanes.js";

/** A register: one value per lane, in a local of the lane's own. */
export type Register = number;

/** What an operation reads: a register, a constant, a clock variable, or a column's value. */
export type Source =
  | { readonly reg: Register }
  | { readonly constant: number }
  | { readonly clock: number }
  /** The value at this byte offset from the loop's address (lane 0's; each lane's follow). */
  | { readonly load: number };

/** `dst` = `op`(`args`), as runInstruction computes it; "move" copies its one argument. */
export interface RegisterOp {
  readonly op: OpCode | "move";
  readonly dst: Register;
  readonly args: readonly Source[];
}

/** The operation `dst` = `op`(`args`). */
export function registerOp(op: RegisterOp["op"], dst: Register, ...args: Source[]): RegisterOp {
  return { op, dst, args };
}

/**
 * An operation's code with its arguments left out: runs of bytes, and the index of the argument
 * whose code goes between them.
 */
type Template = readonly (Uint8Array | number)[];

/** The template of `code`, in which −1, −2, −3 stand for the code of arguments 0, 1, 2. */
function template(code: readonly number[]): Template {
  const parts: (Uint8Array | number)[] = [];
  let run: number[] = [];
  for (const byte of code) {
    if (byte >= 0) {
      run.push(byte);
      continue;
    }
    if (run.length > 0) parts.push(Uint8Array.from(run));
    run = [];
    parts.push(-byte - 1);
  }
  if (run.length > 0) parts.push(Uint8Array.from(run));
  return parts;
}

/** Writes the code of register operations for the lanes of one width. */
export class LaneEncoder {
  private readonly templates = new Map<string, Template>();
  /** Constants' code by value (−0 apart: a Map takes −0 for +0). */
  private readonly constants = new Map<number, Uint8Array>();
  private negativeZero: Uint8Array | null = null;

  /**
   * Lane k's register r in local `base` + k · `registers` + r, at `width` (whose lanes are
   * `width.lanes` samples, 8 bytes each).
   */
  constructor(
    readonly width: Width,
    private readonly base: number,
    private readonly registers: number,
  ) {}

  /** The local of register `reg` in lane `lane`. */
  local(reg: Register, lane: number): number {
    return this.base + lane * this.registers + reg;
  }

  /** The code pushing constant `value`, made once. */
  private constant(value: number): Uint8Array {
    if (Object.is(value, -0)) {
      this.negativeZero ??= Uint8Array.from(this.width.constant(value));
      return this.negativeZero;
    }
    let code = this.constants.get(value);
    if (code === undefined) {
      code = Uint8Array.from(this.width.constant(value));
      this.constants.set(value, code);
    }
    return code;
  }

  /** Writes the code pushing `source` in `lane`. */
  source(out: ByteWriter, source: Source, lane: number): void {
    if ("reg" in source) {
      out.push(OP.localGet);
      out.uleb(this.local(source.reg, lane));
    } else if ("load" in source)
      out.append(this.width.load(source.load + 8 * this.width.lanes * lane));
    else if ("clock" in source) out.append(this.width.clock(source.clock));
    else out.append(this.constant(source.constant));
  }

  /** Writes the code storing the stack's value in `reg` of `lane`. */
  set(out: ByteWriter, reg: Register, lane: number): void {
    out.push(OP.localSet);
    out.uleb(this.local(reg, lane));
  }

  /** Writes the code of `op` in `lane`. */
  op(out: ByteWriter, op: RegisterOp, lane: number): void {
    let parts = this.templates.get(op.op);
    if (parts === undefined) {
      // Placeholders −1, −2, −3 for the arguments: the width only concatenates its arguments' code.
      parts = template(op.op === "move" ? [-1] : this.width.op(op.op, [[-1], [-2], [-3]]));
      this.templates.set(op.op, parts);
    }
    for (const part of parts) {
      if (typeof part === "number") this.source(out, op.args[part] as Source, lane);
      else out.append(part);
    }
    this.set(out, op.dst, lane);
  }

  /** Writes the code storing `reg` of `lane` at byte offset `offset` (lane 0's) of the address. */
  store(out: ByteWriter, offset: number, reg: Register, lane: number): void {
    out.append(this.width.store(offset + 8 * this.width.lanes * lane, this.local(reg, lane)));
  }
}
