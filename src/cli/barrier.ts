// A barrier for worker threads on shared memory: every party waits until all have arrived. A
// party that fails sets the abort flag, so the others stop waiting and fail too instead of
// hanging.

/** Shared words: [arrived, generation, aborted]. */
const WORDS = 3;

/** Allocates the shared memory of a barrier. */
export function barrierMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT);
}

/** Thrown in the other parties when one of them failed. */
export class BarrierAborted extends Error {
  override readonly name = "BarrierAborted";
}

/** Waits until `parties` threads have called this on the same memory. */
export function arriveAndWait(memory: SharedArrayBuffer, parties: number): void {
  const words = new Int32Array(memory);
  const generation = Atomics.load(words, 1);
  if (Atomics.add(words, 0, 1) === parties - 1) {
    Atomics.store(words, 0, 0);
    Atomics.add(words, 1, 1);
    Atomics.notify(words, 1);
    return;
  }
  while (Atomics.load(words, 1) === generation) {
    if (Atomics.load(words, 2) !== 0) throw new BarrierAborted("another worker thread failed");
    Atomics.wait(words, 1, generation, 100);
  }
}

/** Marks the barrier failed and wakes every waiting party. */
export function abortBarrier(memory: SharedArrayBuffer): void {
  const words = new Int32Array(memory);
  Atomics.store(words, 2, 1);
  Atomics.add(words, 1, 1);
  Atomics.notify(words, 1);
}
