// A growable buffer of bytes for generated code: writing into a Uint8Array that doubles when full
// is several times quicker than pushing into a JavaScript array, which a kernel of thousands of
// operations does tens of thousands of times.

/** Bytes written one after another. */
export class ByteWriter {
  private buffer = new Uint8Array(16384);
  private length = 0;

  /** Appends `byte` (0–255). */
  push(byte: number): void {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = byte;
  }

  /** Appends each of `bytes`. */
  append(bytes: ArrayLike<number>): void {
    if (this.length + bytes.length > this.buffer.length) this.grow(bytes.length);
    if (bytes instanceof Uint8Array) this.buffer.set(bytes, this.length);
    else for (let k = 0; k < bytes.length; k++) this.buffer[this.length + k] = bytes[k] as number;
    this.length += bytes.length;
  }

  /** Appends `value` (0 ≤ value < 2^32) as an unsigned LEB128 integer. */
  uleb(value: number): void {
    let rest = value >>> 0;
    do {
      const low = rest & 0x7f;
      rest >>>= 7;
      this.push(rest === 0 ? low : low | 0x80);
    } while (rest !== 0);
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Makes room for `more` bytes at least. */
  private grow(more: number): void {
    const bigger = new Uint8Array(Math.max(2 * this.buffer.length, this.length + more));
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }
}
