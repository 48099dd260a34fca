/**
 * Work that pauses between chunks: each `yield` hands the thread back to whoever drives it,
 * `runToEnd` (at once) or a batch's pacer (which gives the event loop its turn once a slice of
 * work is used up). Set-up that is one call for a caller in no hurry is, nationally, far too
 * long for a batch that must see an abort within 20 ms.
 */
export type Work<T> = Generator<void, T, void>;

/** Items a loop of a `Work` handles between two pauses: well under a millisecond of simple work. */
const CHUNK = 1 << 13;

/** Whether a loop of a `Work` at index `k` pauses after it (every CHUNK items). */
export function chunkEnd(k: number): boolean {
  return (k & (CHUNK - 1)) === CHUNK - 1;
}

/** Runs `work` without pausing. */
export function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
  }
}
