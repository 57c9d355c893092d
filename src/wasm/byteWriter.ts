// A growable buffer of bytes for generated code: pushing into a Uint8Array that doubles when full
// is several times quicker than pushing into a JavaScript array, which a kernel of thousands of
// operations does tens of thousands of times.

/** Bytes written one after another. */
export class ByteWriter {
  private buffer = new Uint8Array(4096);
  private length = 0;

  /** Appends `byte` (0–255). */
  push(byte: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = byte;
  }

  /** Appends each of `bytes`. */
  append(bytes: ArrayLike<number>): void {
    for (let k = 0; k < bytes.length; k++) this.push(bytes[k] as number);
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private grow(): void {
    const bigger = new Uint8Array(2 * this.buffer.length);
    bigger.set(this.buffer);
    this.buffer = bigger;
  }
}
