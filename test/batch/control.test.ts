/**
 * matchAll's control on Orne draws: an abort sent from a timer or an I/O callback
 * while the batch runs — one thread or two workers, raw arrays or indexes, in each phase — rejects
 * with a DOMException named AbortError carrying the reason; progress comes at the start and end of
 * every phase and never goes back. How soon is measured in bench/control.bench.ts, not here.
 */
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { BatchPhase, BatchProgress } from '../../src/batch/control.js';
import { DEFAULT_TODAY, generateTerritory } from '../../bench/workload.js';

const t = generateTerritory({ seed: 12, scope: { departement: '61' }, candidates: 5_000, vacancies: 500, sessions: 0 });
/**
 * On one thread the accounting of 5 000 × 500 is a few milliseconds of work, less than the pacer's
 * step: it may end before an abort sent at its start is delivered, and then completing is right.
 * That case runs on a draw whose accounting lasts several steps.
 */
let larger: typeof t | undefined;
const territory = (size: 'small' | 'larger') =>
  size === 'small' ? t : (larger ??= generateTerritory({ seed: 12, scope: { departement: '61' }, candidates: 20_000, vacancies: 2_000, sessions: 0 }));
const engine = createEngine({ today: DEFAULT_TODAY });
const indexes = (size: 'small' | 'larger' = 'small') => {
  const { candidates, vacancies } = territory(size);
  return [engine.indexCandidates(candidates).index, engine.indexVacancies(vacancies).index] as const;
};

type Trigger = 'timer' | 'io';
/** Sends the abort from a 10 ms timer, or from the callback of a file read. */
function sendAbort(trigger: Trigger, abort: () => void): void {
  if (trigger === 'timer') setTimeout(abort, 10);
  else readFile(fileURLToPath(import.meta.url), abort);
}

const cases: { input: 'raw' | 'indexes'; workers: number; trigger: Trigger; phase: BatchPhase; size?: 'larger' }[] = [
  { input: 'raw', workers: 0, trigger: 'timer', phase: 'index' },
  { input: 'raw', workers: 0, trigger: 'io', phase: 'index' },
  { input: 'raw', workers: 2, trigger: 'timer', phase: 'index' },
  { input: 'raw', workers: 2, trigger: 'io', phase: 'shortlists' },
  { input: 'indexes', workers: 0, trigger: 'timer', phase: 'shortlists' },
  { input: 'indexes', workers: 0, trigger: 'io', phase: 'unmatched', size: 'larger' },
  { input: 'indexes', workers: 2, trigger: 'timer', phase: 'shortlists' },
  { input: 'indexes', workers: 2, trigger: 'io', phase: 'unmatched' },
];

describe('matchAll, aborted while it runs', () => {
  for (const { input, workers, trigger, phase, size = 'small' } of cases) {
    it(`${input}, ${size === 'small' ? '5 000 × 500' : '20 000 × 2 000'}, ${workers === 0 ? 'one thread' : `${workers} workers`}: an abort from ${trigger === 'timer' ? 'a 10 ms timer' : 'an I/O callback'} sent once '${phase}' starts`, async () => {
      const controller = new AbortController();
      const reason = new Error(`stopped during ${phase}`);
      let sent = false;
      const [c, v] = input === 'raw' ? [territory(size).candidates, territory(size).vacancies] : indexes(size);
      const run = engine.matchAll(c, v, {
        workers,
        perCandidate: 5,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase !== phase || sent) return;
          sent = true;
          sendAbort(trigger, () => controller.abort(reason));
        },
      });
      await expect(run).rejects.toSatisfy((e: unknown) => e instanceof DOMException && e.name === 'AbortError' && e.cause === reason);
      expect(sent).toBe(true);
    }, 30_000);
  }

  it('an abort without a reason rejects with the signal\'s own AbortError, as fetch does', async () => {
    const controller = new AbortController();
    const [c, v] = indexes();
    const run = engine.matchAll(c, v, { signal: controller.signal, perCandidate: 5 });
    sendAbort('timer', () => controller.abort());
    const error = await run.then(() => null, (e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('matchAll progress', () => {
  for (const workers of [0, 2]) {
    it(`raw arrays, ${workers === 0 ? 'one thread' : `${workers} workers`}: every phase reported from start to end, in order, never going back`, async () => {
      const calls: BatchProgress[] = [];
      const batch = await engine.matchAll(t.candidates, t.vacancies, { workers, onProgress: (p) => calls.push(p) });
      const order: BatchPhase[] = ['index', 'shortlists', 'unmatched'];
      const totals = { index: t.candidates.length + t.vacancies.length, shortlists: batch.stats.vacancies, unmatched: batch.stats.candidates + batch.stats.vacancies };
      expect(calls.length).toBeGreaterThanOrEqual(6);
      for (let i = 1; i < calls.length; i++) {
        const [a, b] = [calls[i - 1], calls[i]];
        expect(order.indexOf(b.phase)).toBeGreaterThanOrEqual(order.indexOf(a.phase));
        if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done);
      }
      for (const phase of order) {
        const mine = calls.filter((p) => p.phase === phase);
        expect(mine.length).toBeGreaterThanOrEqual(2);
        for (const p of mine) {
          expect(p.total).toBe(totals[phase]);
          expect(p.done).toBeLessThanOrEqual(p.total);
        }
        expect(mine.at(-1)!.done).toBe(totals[phase]);
      }
    }, 30_000);
  }
});
