/**
 * matchAll with workers: each worker file does its share (its shortlists and accounting come back
 * from it, non-empty, and the batch equals the calling thread's), and a worker that throws — at
 * start or later — rejects the batch with its error. The failure goes in through a mock of the
 * spawn helper: nothing public reaches it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import * as spawn from '../../src/workers/spawn.js';
import type { AccountResult, ShardTask } from '../../src/workers/protocol.js';
import type { ShardResult } from '../../src/batch/shard.js';
import { DEFAULT_TODAY, generateTerritory } from '../../bench/workload.js';

vi.mock('../../src/workers/spawn.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/workers/spawn.js')>();
  return { ...real, runWorker: vi.fn(real.runWorker) };
});
const { runWorker } = await vi.importActual<typeof import('../../src/workers/spawn.js')>('../../src/workers/spawn.js');
const mocked = vi.mocked(spawn.runWorker);

const t = generateTerritory({ seed: 5, scope: { departement: '61' }, candidates: 2_000, vacancies: 200, sessions: 0 });
const engine = createEngine({ today: DEFAULT_TODAY });
const candidates = engine.indexCandidates(t.candidates).index;
const vacancies = engine.indexVacancies(t.vacancies).index;

beforeEach(() => {
  mocked.mockClear();
});

describe('matchAll, workers: 2', () => {
  it('each worker shortlists its shard and accounts for its candidates; the batch equals the calling thread\'s', async () => {
    const threaded = await engine.matchAll(candidates, vacancies, { workers: 2, perCandidate: 3 });
    const calls = mocked.mock.calls.map(([file, task], i) => ({ file, task: task as ShardTask, result: mocked.mock.results[i].value as Promise<unknown> }));
    const shortlists = calls.filter((c) => c.task.kind === 'shortlists');
    const accounts = calls.filter((c) => c.task.kind === 'account');
    expect(shortlists).toHaveLength(2);
    expect(accounts).toHaveLength(2);
    for (const c of calls) expect(c.file.pathname).toMatch(/\/shard-worker\.ts$/);
    for (const c of shortlists) {
      const r = (await c.result) as ShardResult;
      expect(c.task.slots.length).toBeGreaterThan(0);
      expect(r.topCounts.length).toBe(c.task.slots.length);
      expect(r.topCounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
    for (const c of accounts) {
      const r = (await c.result) as AccountResult;
      expect(c.task.slots.length).toBeGreaterThan(0);
      expect(r.matched.length).toBe(c.task.slots.length);
    }
    const inline = await engine.matchAll(candidates, vacancies, { workers: 0, perCandidate: 3 });
    expect(mocked).toHaveBeenCalledTimes(4);
    const { stats: s1, ...a } = threaded.toJSON();
    const { stats: s0, ...b } = inline.toJSON();
    expect(a).toEqual(b);
    expect({ ...s1, ms: null, workers: 0 }).toEqual({ ...s0, ms: null, workers: 0 });
  }, 60_000);

  for (const behaviour of ['throw-at-start', 'throw-later'] as const) {
    it(`a worker that throws (${behaviour}) rejects the batch with its error`, async () => {
      const fixture = new URL('./fixtures/worker.ts', import.meta.url);
      mocked.mockImplementationOnce((_file, _task, options) => runWorker(fixture, { behaviour }, options));
      await expect(engine.matchAll(candidates, vacancies, { workers: 2 })).rejects.toThrow(behaviour === 'throw-at-start' ? 'fixture: thrown at start' : 'fixture: thrown later');
    }, 60_000);
  }
});
