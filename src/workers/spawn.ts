/**
 * Starts passerelle's worker files, the one way: the built `<name>.js` beside the bundle or, when
 * passerelle runs from its TypeScript sources (tests, benchmarks), `src/workers/<name>.ts` behind
 * tsx's loader. Nothing is evaluated from a string.
 */
import { Worker } from 'node:worker_threads';
import { abortError } from '../batch/control.js';
import type { WorkerName, WorkerReply } from './protocol.js';

/**
 * Where this module runs from: `dist/index.js` (or `.cjs`) once built, `src/workers/spawn.ts` from
 * sources. Read through this name, not as `new URL(…, import.meta.url)`, which bundlers rewrite.
 */
const here = import.meta.url;

/** A worker file's location, beside the code that runs (README "Worker threads and bundlers"). */
export function workerFile(name: WorkerName): URL {
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}

/**
 * Starts a worker file with `data` as its `workerData`. A `.ts` file goes through
 * `from-sources.mjs`, which registers tsx in the worker before importing it: Node 20 does not
 * apply the loader hooks of `--import tsx` in a worker's `execArgv` to the worker's own entry.
 */
export function startWorker(file: URL, data: unknown): Worker {
  // execArgv: [] — a worker must not inherit the parent's command-line flags (e.g. `-e`, `--import`).
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData: data, execArgv: [] });
  return new Worker(new URL('./from-sources.mjs', here), { workerData: data, execArgv: [], argv: [file.href] });
}

export interface RunOptions {
  /** Terminates the worker and rejects with the abort rejection (batch/control.ts). */
  signal?: AbortSignal;
  /** The worker's progress replies, as they come. */
  onProgress?: (done: number) => void;
}

/**
 * Runs one task in a worker and resolves with its result. Rejects with the worker's own error
 * when it throws (at start-up or later), with an Error when it exits without a result, and with
 * the abort rejection when `signal` fires; the worker is terminated in every case.
 */
export function runWorker<R>(file: URL, task: unknown, options: RunOptions = {}): Promise<R> {
  const { signal, onProgress } = options;
  return new Promise<R>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    let worker: Worker;
    try {
      worker = startWorker(file, task);
    } catch (e) {
      reject(e);
      return;
    }
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => settle(() => reject(abortError(signal!)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: WorkerReply<R>) => {
      if (m.type === 'progress') {
        if (!settled) onProgress?.(m.done);
      } else settle(() => resolve(m.result));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('messageerror', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new Error(`worker ${file.pathname} stopped (code ${code}) without a result`))));
  });
}
