/**
 * Gathers (`to[k] = from[order[k]]`) split between this thread and one short-lived worker: the
 * columns live on SharedArrayBuffers, so the worker writes them in place. Rewriting 600 000
 * candidates' columns in grid order is a third of a national index build, and it is pure memory
 * traffic that a second core halves. The call stays synchronous: this thread does its share,
 * then waits on a shared flag; if the worker is not done in time (it could not start), this
 * thread does the worker's share too — a gather is idempotent.
 */
import { Worker } from 'node:worker_threads';

type Column = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** Below this many records a worker's start-up (tens of ms) costs more than it saves. */
export const PARALLEL_GATHER_MIN = 200_000;
const WAIT_MS = 10_000;

// One loop per element type keeps each monomorphic in the worker too.
const SOURCE = `
const { workerData } = require('node:worker_threads');
const { order, jobs, done } = workerData;
const n = order.length;
function f64(from, to) { for (let k = 0; k < n; k++) to[k] = from[order[k]]; }
function i32(from, to) { for (let k = 0; k < n; k++) to[k] = from[order[k]]; }
function u32(from, to) { for (let k = 0; k < n; k++) to[k] = from[order[k]]; }
function u8(from, to) { for (let k = 0; k < n; k++) to[k] = from[order[k]]; }
function words(from, to, w) {
  for (let k = 0; k < n; k++) { const a = order[k] * w, b = k * w; for (let j = 0; j < w; j++) to[b + j] = from[a + j]; }
}
for (const [from, to, width] of jobs) {
  if (width > 1) words(from, to, width);
  else if (from instanceof Float64Array) f64(from, to);
  else if (from instanceof Int32Array) i32(from, to);
  else if (from instanceof Uint32Array) u32(from, to);
  else u8(from, to);
}
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;

/** A column to gather: source, target (same type, on SharedArrayBuffers), words per record. */
export type GatherJob = [Column, Column, number];

/** Runs `here` on this thread while a worker gathers `jobs` in `order`; returns once both are done. */
export function gatherWithWorker(order: Int32Array, jobs: GatherJob[], here: () => void): void {
  const shared = new Int32Array(new SharedArrayBuffer(order.length * 4));
  shared.set(order);
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | null = null;
  try {
    worker = new Worker(SOURCE, { eval: true, workerData: { order: shared, jobs, done } });
    worker.unref();
    worker.on('error', () => {});
  } catch {
    worker = null;
  }
  here();
  if (worker === null || !waitFor(done)) {
    for (const [from, to, width] of jobs) gatherAny(from, to, order, width);
  }
  if (worker !== null) void worker.terminate();
}

/** Whether the worker raised the flag in time (false too where this thread may not block). */
function waitFor(done: Int32Array): boolean {
  try {
    return Atomics.wait(done, 0, 0, WAIT_MS) !== 'timed-out';
  } catch {
    return false;
  }
}

function gatherAny(from: Column, to: Column, order: Int32Array, width: number): void {
  for (let k = 0; k < order.length; k++) {
    const a = order[k] * width, b = k * width;
    for (let j = 0; j < width; j++) to[b + j] = from[a + j];
  }
}
