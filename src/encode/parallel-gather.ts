/**
 * Gathers (`to[k] = from[order[k]]`) shared between this thread and one short-lived worker: the
 * columns live on SharedArrayBuffers, so the worker writes them in place. Rewriting 600 000
 * candidates' columns in grid order is a third of a national index build, and it is pure memory
 * traffic that a second core halves. The columns are cut into chunks that either thread claims
 * with an atomic counter: this thread does its own share (what the worker cannot reach), then
 * claims chunks too, so a worker slowed or starved by a busy host costs at most the chunk it holds
 * (with a fixed split, this thread waited up to half a second on a busy host). The call stays
 * synchronous; if the worker never finishes a chunk it claimed, or this thread may not block,
 * this thread gathers everything itself — a gather is idempotent.
 */
import { Worker } from 'node:worker_threads';

type Column = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** Below this many records a worker's start-up (tens of ms) costs more than it saves. */
export const PARALLEL_GATHER_MIN = 200_000;
/** Records per chunk: a few ms of work, so the last one claimed delays the other thread little. */
const CHUNK = 65_536;
const WAIT_MS = 10_000;

/**
 * The claiming loop, for the worker (as source) and this thread (compiled below from the same
 * text, so the two cannot drift). One loop per element type keeps each monomorphic.
 * `counters[0]`: next chunk to claim; `counters[1]`: chunks finished. Chunk c is rows
 * [(c % perJob) × chunk, …) of job ⌊c / perJob⌋.
 */
const CLAIM_SOURCE = `
function f64(from, to, order, s, e) { for (let k = s; k < e; k++) to[k] = from[order[k]]; }
function i32(from, to, order, s, e) { for (let k = s; k < e; k++) to[k] = from[order[k]]; }
function u32(from, to, order, s, e) { for (let k = s; k < e; k++) to[k] = from[order[k]]; }
function u8(from, to, order, s, e) { for (let k = s; k < e; k++) to[k] = from[order[k]]; }
function words(from, to, order, w, s, e) {
  for (let k = s; k < e; k++) { const a = order[k] * w, b = k * w; for (let j = 0; j < w; j++) to[b + j] = from[a + j]; }
}
function claimChunks(order, jobs, counters, chunk) {
  const n = order.length;
  const perJob = Math.ceil(n / chunk);
  const total = jobs.length * perJob;
  for (;;) {
    const c = Atomics.add(counters, 0, 1);
    if (c >= total) return;
    const [from, to, width] = jobs[Math.floor(c / perJob)];
    const s = (c % perJob) * chunk;
    const e = Math.min(n, s + chunk);
    if (width > 1) words(from, to, order, width, s, e);
    else if (from instanceof Float64Array) f64(from, to, order, s, e);
    else if (from instanceof Int32Array) i32(from, to, order, s, e);
    else if (from instanceof Uint32Array) u32(from, to, order, s, e);
    else u8(from, to, order, s, e);
    if (Atomics.add(counters, 1, 1) + 1 === total) Atomics.notify(counters, 1);
  }
}
`;

const WORKER_SOURCE = `${CLAIM_SOURCE}
const { workerData } = require('node:worker_threads');
claimChunks(workerData.order, workerData.jobs, workerData.counters, workerData.chunk);
`;

type ClaimChunks = (order: Int32Array, jobs: GatherJob[], counters: Int32Array, chunk: number) => void;
// The same text as the worker runs, compiled once for this thread.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const claimChunks = new Function(`${CLAIM_SOURCE}\nreturn claimChunks;`)() as ClaimChunks;

/** A column to gather: source, target (same type, on SharedArrayBuffers), words per record. */
export type GatherJob = [Column, Column, number];

/** Runs `here` on this thread while this thread and a worker gather `jobs` in `order`; returns once all is done. */
export function gatherWithWorker(order: Int32Array, jobs: GatherJob[], here: () => void): void {
  const shared = new Int32Array(new SharedArrayBuffer(order.length * 4));
  shared.set(order);
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const total = jobs.length * Math.ceil(order.length / CHUNK);
  let worker: Worker | null = null;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { order: shared, jobs, counters, chunk: CHUNK } });
    worker.unref();
    worker.on('error', () => {});
  } catch {
    worker = null;
  }
  here();
  claimChunks(shared, jobs, counters, CHUNK);
  if (!waitFor(counters, total)) {
    for (const [from, to, width] of jobs) gatherAny(from, to, order, width);
  }
  if (worker !== null) void worker.terminate();
}

/** Whether every chunk got finished in time (false too where this thread may not block). */
function waitFor(counters: Int32Array, total: number): boolean {
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      const finished = Atomics.load(counters, 1);
      if (finished >= total) return true;
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(counters, 1, finished, left) === 'timed-out') return Atomics.load(counters, 1) >= total;
    }
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
