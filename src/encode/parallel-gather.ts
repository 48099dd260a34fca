/**
 * Gathers (`to[k] = from[order[k]]`) shared between this thread and one short-lived worker
 * (`gather-worker`): the columns live on SharedArrayBuffers, so the worker writes them in place;
 * rewriting a national index's columns in grid order is pure memory traffic that a second core
 * halves. The columns are cut into chunks that either thread claims with an atomic counter: this
 * thread does its own share (what the worker cannot reach), then claims chunks too, so a worker
 * slowed or starved by a busy host costs at most the chunk it holds. The call stays synchronous;
 * if the worker fails (it says so in shared memory) or never finishes a chunk it claimed, or this
 * thread may not block, this thread gathers everything itself — a gather is idempotent.
 */
import type { GatherColumn, GatherTask } from '../workers/protocol.js';
import { startWorker, workerFile } from '../workers/spawn.js';

/** Below this many records a worker's start-up (tens of ms) costs more than it saves. */
export const PARALLEL_GATHER_MIN = 200_000;
/** Records per chunk: a few ms of work, so the last one claimed delays the other thread little. */
const CHUNK = 65_536;
/** How long this thread waits for a chunk the worker holds before doing everything itself. */
const WAIT_MS = 10_000;

/** The shared counters: next chunk to claim, chunks finished, of those by the worker, and STATE. */
const NEXT = 0;
const FINISHED = 1;
const BY_WORKER = 2;
/** RUNNING until the last chunk is finished (ALL_DONE) or the worker fails (FAILED): what this thread waits on. */
const STATE = 3;
const RUNNING = 0;
const ALL_DONE = 1;
const FAILED = 2;

function settle(counters: Int32Array, state: number): void {
  Atomics.compareExchange(counters, STATE, RUNNING, state);
  Atomics.notify(counters, STATE);
}

/** A column to gather: source, target (same type, on SharedArrayBuffers), words per record. */
export type GatherJob = [GatherColumn, GatherColumn, number];

// One loop per element type keeps each monomorphic.
function f64(from: Float64Array, to: Float64Array, order: Int32Array, s: number, e: number): void {
  for (let k = s; k < e; k++) to[k] = from[order[k]];
}
function i32(from: Int32Array, to: Int32Array, order: Int32Array, s: number, e: number): void {
  for (let k = s; k < e; k++) to[k] = from[order[k]];
}
function u32(from: Uint32Array, to: Uint32Array, order: Int32Array, s: number, e: number): void {
  for (let k = s; k < e; k++) to[k] = from[order[k]];
}
function u8(from: Uint8Array, to: Uint8Array, order: Int32Array, s: number, e: number): void {
  for (let k = s; k < e; k++) to[k] = from[order[k]];
}
function words(from: Uint32Array, to: Uint32Array, order: Int32Array, width: number, s: number, e: number): void {
  for (let k = s; k < e; k++) {
    const a = order[k] * width;
    const b = k * width;
    for (let j = 0; j < width; j++) to[b + j] = from[a + j];
  }
}

/** Rows [s, e) of a column gathered in `order` (`width` words per row). */
export function gatherRange(from: GatherColumn, to: GatherColumn, order: Int32Array, width: number, s: number, e: number): void {
  if (width > 1) words(from as Uint32Array, to as Uint32Array, order, width, s, e);
  else if (from instanceof Float64Array) f64(from, to as Float64Array, order, s, e);
  else if (from instanceof Int32Array) i32(from, to as Int32Array, order, s, e);
  else if (from instanceof Uint32Array) u32(from, to as Uint32Array, order, s, e);
  else u8(from as Uint8Array, to as Uint8Array, order, s, e);
}

/**
 * Claims chunks until none is left, for this thread and the worker alike. Chunk c is rows
 * [(c % perJob) × chunk, …) of job ⌊c / perJob⌋.
 */
function claimChunks(task: GatherTask, byWorker: boolean): void {
  const { order, jobs, counters, chunk } = task;
  const n = order.length;
  const perJob = Math.ceil(n / chunk);
  const total = jobs.length * perJob;
  for (;;) {
    const c = Atomics.add(counters, NEXT, 1);
    if (c >= total) return;
    const [from, to, width] = jobs[Math.floor(c / perJob)];
    const s = (c % perJob) * chunk;
    gatherRange(from, to, order, width, s, Math.min(n, s + chunk));
    if (byWorker) Atomics.add(counters, BY_WORKER, 1);
    if (Atomics.add(counters, FINISHED, 1) + 1 === total) settle(counters, ALL_DONE);
  }
}

/** The worker's side (`gather-worker`): claims chunks; on an error, says so to the blocked parent, then throws it. */
export function claimAsWorker(task: GatherTask): void {
  try {
    claimChunks(task, true);
  } catch (e) {
    settle(task.counters, FAILED);
    throw e;
  }
}

export interface GatherOutcome {
  /** Chunks the worker finished (0 when it did not start in time or failed at once). */
  workerChunks: number;
  /** Whether this thread redid everything (the worker failed, or held a chunk too long). */
  fellBack: boolean;
}

/**
 * Runs `here` on this thread while this thread and a worker gather `jobs` in `order`; returns
 * once all is done. `file` is the worker file (another only in tests).
 */
export function gatherWithWorker(order: Int32Array, jobs: GatherJob[], here: () => void, file = workerFile('gather-worker')): GatherOutcome {
  const shared = new Int32Array(new SharedArrayBuffer(order.length * 4));
  shared.set(order);
  const counters = new Int32Array(new SharedArrayBuffer(4 * 4));
  const task: GatherTask = { order: shared, jobs, counters, chunk: CHUNK };
  const total = jobs.length * Math.ceil(order.length / CHUNK);
  let worker: ReturnType<typeof startWorker> | null = null;
  try {
    worker = startWorker(file, task);
    worker.unref();
    // Its failures reach this thread through FAILED: this thread is blocked when they happen.
    worker.on('error', () => {});
  } catch {
    worker = null;
  }
  here();
  claimChunks(task, false);
  const fellBack = !waitFor(counters, total);
  if (fellBack) {
    for (const [from, to, width] of jobs) gatherRange(from, to, order, width, 0, order.length);
  }
  if (worker !== null) void worker.terminate();
  return { workerChunks: Atomics.load(counters, BY_WORKER), fellBack };
}

/** Whether every chunk got finished in time (false when the worker failed, or where this thread may not block). */
function waitFor(counters: Int32Array, total: number): boolean {
  const deadline = Date.now() + WAIT_MS;
  try {
    for (;;) {
      if (Atomics.load(counters, STATE) !== RUNNING || Atomics.load(counters, FINISHED) >= total) break;
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(counters, STATE, RUNNING, left) === 'timed-out') break;
    }
  } catch {
    return false;
  }
  return Atomics.load(counters, FINISHED) >= total;
}
