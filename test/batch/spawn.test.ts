/**
 * The spawn helper on a fixture worker file: results, progress, the worker's own errors (at
 * start and later), an exit without a result, and aborts — each one settles the caller's promise.
 */
import { describe, expect, it } from 'vitest';
import { runWorker } from '../../src/workers/spawn.js';

const fixture = new URL('./fixtures/worker.ts', import.meta.url);
type Behaviour = 'echo' | 'throw-at-start' | 'throw-later' | 'exit' | 'forever';
const run = (behaviour: Behaviour, options: Parameters<typeof runWorker>[2] = {}) => runWorker<string>(fixture, { behaviour }, options);

describe('runWorker', () => {
  it('resolves with the result, after the progress sent before it', async () => {
    const progress: number[] = [];
    await expect(run('echo', { onProgress: (d) => progress.push(d) })).resolves.toBe('echoed');
    expect(progress).toEqual([1]);
  });

  it('rejects with the error a worker throws at start', async () => {
    await expect(run('throw-at-start')).rejects.toThrow('fixture: thrown at start');
  });

  it('rejects with the error a worker throws later, from a callback', async () => {
    await expect(run('throw-later')).rejects.toThrow('fixture: thrown later');
  });

  it('rejects when a worker exits without a result', async () => {
    await expect(run('exit')).rejects.toThrow(/without a result/);
  });

  it('an abort terminates a worker that would never end and rejects with an AbortError carrying the reason', async () => {
    const controller = new AbortController();
    const reason = new Error('stop: the advisor closed the page');
    const progress: number[] = [];
    const outcome = run('forever', {
      signal: controller.signal,
      onProgress: (d) => {
        progress.push(d);
        if (d === 3) controller.abort(reason);
      },
    });
    await expect(outcome).rejects.toSatisfy((e: unknown) => e instanceof DOMException && e.name === 'AbortError' && e.cause === reason);
    expect(progress.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('an abort without a reason rejects with the signal\'s own AbortError, as fetch does', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(run('echo', { signal: controller.signal })).rejects.toBe(controller.signal.reason);
  });
});
