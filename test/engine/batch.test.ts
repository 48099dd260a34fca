/**
 * matchAll: every record accounted for, rejected records listed, worker threads giving the same
 * lists as the calling thread, progress, abort, and explain() equal to engine.score.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { BatchResult } from '../../src/batch/matchAll.js';
import type { Candidate, Vacancy } from '../../src/schema/index.js';
import { BLOCKER_CODES } from '../../src/scoring/model.js';
import { PasserelleInputError } from '../../src/errors.js';
import { candidates, engineOptions, setting, vacancies } from './territory.js';

const territory = fc.record({ cs: candidates(1, 30), vs: vacancies(1, 12), setting });

function blockersOf(engine: Engine, c: Candidate, v: Vacancy): string[] {
  return engine.score(c, v).blockers.map((b) => b.code);
}

/** Lists a batch exposes, for comparing two runs. */
function lists(batch: BatchResult, cs: readonly Candidate[], vs: readonly Vacancy[]) {
  return {
    matches: [...batch.matches],
    shortlists: vs.map((v) => batch.shortlist(v.id)),
    bestFor: cs.map((c) => batch.bestFor(c.id)),
    unmatchedCandidates: batch.unmatchedCandidates,
    unmatchedVacancies: batch.unmatchedVacancies,
  };
}

describe('matchAll', () => {
  it('accounts for every record: matched candidates, unmatched ones and empty shortlists with blocker counts', async () => {
    await fc.assert(
      fc.asyncProperty(territory, fc.integer({ min: 1, max: 6 }), async ({ cs, vs, setting: s }, perVacancy) => {
        const engine = createEngine(engineOptions(s));
        const batch = await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index, { perVacancy });
        const eligible = (c: Candidate, v: Vacancy) => engine.score(c, v).eligible;

        const unmatchedC = new Set(batch.unmatchedCandidates.map((u) => u.id));
        for (const c of cs) expect(unmatchedC.has(c.id)).toBe(!vs.some((v) => eligible(c, v)));
        const unmatchedV = new Set(batch.unmatchedVacancies.map((u) => u.id));
        for (const v of vs) {
          const shortlist = batch.shortlist(v.id);
          expect(unmatchedV.has(v.id)).toBe(shortlist.length === 0);
          expect(shortlist.length).toBe(Math.min(perVacancy, cs.filter((c) => eligible(c, v)).length));
          for (const m of shortlist) expect(eligible(cs.find((c) => c.id === m.candidateId)!, v)).toBe(true);
        }

        // Blocker counts: every pair within the candidate's commute limit is counted (upper bound:
        // every pair with that blocker; pairs farther than the near-miss reach may be left out).
        const checkCounts = (counts: Partial<Record<string, number>>, pairs: string[][]) => {
          for (const [code, n] of Object.entries(counts)) {
            expect(BLOCKER_CODES as readonly string[]).toContain(code);
            expect(Number.isInteger(n) && n! > 0).toBe(true);
          }
          for (const code of BLOCKER_CODES) {
            const all = pairs.filter((b) => b.includes(code)).length;
            const near = pairs.filter((b) => b.includes(code) && !b.includes('commute')).length;
            expect(counts[code] ?? 0).toBeGreaterThanOrEqual(near);
            expect(counts[code] ?? 0).toBeLessThanOrEqual(all);
          }
        };
        for (const u of batch.unmatchedCandidates) {
          const c = cs.find((x) => x.id === u.id)!;
          checkCounts(u.blockers, vs.map((v) => blockersOf(engine, c, v)));
        }
        for (const u of batch.unmatchedVacancies) {
          const v = vs.find((x) => x.id === u.id)!;
          checkCounts(u.blockers, cs.map((c) => blockersOf(engine, c, v)));
        }

        const st = batch.stats;
        expect(st.candidates).toBe(cs.length);
        expect(st.vacancies).toBe(vs.length);
        expect(st.matchedCandidates + st.unmatchedCandidates).toBe(cs.length);
        expect(st.unmatchedVacancies).toBe(batch.unmatchedVacancies.length);
        expect(st.matchedCandidates).toBe(cs.filter((c) => vs.some((v) => eligible(c, v))).length);
        expect(st.shortlistedPairs).toBe(batch.matches.size);
        expect(batch.rejected).toEqual({ candidates: [], vacancies: [] });
      }),
      { numRuns: 20 },
    );
  });

  it('raw arrays: invalid records are listed in `rejected`, the valid ones matched', async () => {
    await fc.assert(
      fc.asyncProperty(territory, fc.nat(), fc.nat(), async ({ cs, vs }, at, bt) => {
        const engine = createEngine({ today: '2026-01-15' });
        const rawC: unknown[] = [...cs];
        rawC.splice(at % (rawC.length + 1), 0, { id: 'broken', home: null });
        const rawV: unknown[] = [...vs];
        rawV.splice(bt % (rawV.length + 1), 0, 'not a vacancy', { ...vs[0] });
        const batch = await engine.matchAll(rawC, rawV);
        expect(batch.rejected.candidates.map((r) => [r.index, r.id])).toEqual([[at % (cs.length + 1), 'broken']]);
        const vIndex = bt % (vs.length + 1);
        // The copy of vs[0] sits at vIndex + 1: it is the later duplicate unless inserted first.
        expect(batch.rejected.vacancies.map((r) => r.index)).toEqual(vIndex === 0 ? [0, 2] : [vIndex, vIndex + 1]);
        expect(batch.stats.rejectedCandidates).toBe(1);
        expect(batch.stats.rejectedVacancies).toBe(2);
        const clean = await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index);
        expect(lists(batch, cs, vs)).toEqual(lists(clean, cs, vs));
      }),
      { numRuns: 15 },
    );
  });

  it('workers: 2 gives the same shortlists, bestFor lists and unmatched records as the calling thread', async () => {
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        const ci = engine.indexCandidates(cs).index;
        const vi = engine.indexVacancies(vs).index;
        const inline = await engine.matchAll(ci, vi, { perVacancy: 4, perCandidate: 3, workers: 0 });
        const threaded = await engine.matchAll(ci, vi, { perVacancy: 4, perCandidate: 3, workers: 2 });
        expect(threaded.stats.workers).toBe(2);
        expect(lists(threaded, cs, vs)).toEqual(lists(inline, cs, vs));
      }),
      { numRuns: 3 },
    );
  });

  it('onProgress: done never above total, never decreasing within a phase, ending at total', async () => {
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs }) => {
        const engine = createEngine({ today: '2026-01-15' });
        const calls: { done: number; total: number; phase: string }[] = [];
        await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index, { onProgress: (p) => calls.push(p) });
        for (const phase of ['shortlists', 'unmatched']) {
          const mine = calls.filter((p) => p.phase === phase);
          expect(mine.length).toBeGreaterThan(0);
          mine.forEach((p, i) => {
            expect(p.done).toBeLessThanOrEqual(p.total);
            if (i > 0) expect(p.done).toBeGreaterThanOrEqual(mine[i - 1].done);
          });
          expect(mine[mine.length - 1].done).toBe(mine[mine.length - 1].total);
        }
        expect(calls.filter((p) => p.phase === 'shortlists').at(-1)!.total).toBe(vs.length);
        expect(calls.at(-1)!.phase).toBe('unmatched');
      }),
      { numRuns: 10 },
    );
  });

  it('an already-aborted signal rejects with an AbortError', async () => {
    const engine = createEngine({ today: '2026-01-15' });
    const [cs, vs] = fc.sample(fc.tuple(candidates(5, 10), vacancies(2, 5)), { numRuns: 1, seed: 7 })[0];
    const controller = new AbortController();
    controller.abort();
    for (const workers of [0, 2]) {
      await expect(
        engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index, { signal: controller.signal, workers }),
      ).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('explain() equals engine.score for the pair, in both audiences', async () => {
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        const batch = await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index);
        for (const c of cs) {
          for (const v of vs) {
            expect(batch.explain(c.id, v.id)).toEqual(engine.score(c, v));
            expect(batch.explain(c.id, v.id, { audience: 'employer' })).toEqual(engine.score(c, v, { audience: 'employer' }));
          }
        }
        for (const m of batch.matches) expect(m.score).toBeCloseTo(batch.explain(m.candidateId, m.vacancyId).score, 9);
        expect(() => batch.explain('nobody', vs[0].id)).toThrow(PasserelleInputError);
      }),
      { numRuns: 10 },
    );
  });

  it('empty sides: no candidates, no vacancies, or a single vacancy over two workers', async () => {
    const engine = createEngine({ today: '2026-01-15' });
    const [cs, vs] = fc.sample(fc.tuple(candidates(3, 10), vacancies(1, 5)), { numRuns: 1, seed: 5 })[0];
    const ci = engine.indexCandidates(cs).index;
    const vi = engine.indexVacancies(vs).index;
    const none = engine.indexCandidates([]).index;
    const noVacancy = engine.indexVacancies([]).index;

    const withoutCandidates = await engine.matchAll(none, vi, { workers: 2 });
    expect([...withoutCandidates.matches]).toEqual([]);
    expect(withoutCandidates.unmatchedCandidates).toEqual([]);
    expect(withoutCandidates.unmatchedVacancies).toEqual([...vs].map((v) => v.id).sort().map((id) => ({ id, blockers: {} })));

    const withoutVacancies = await engine.matchAll(ci, noVacancy);
    expect([...withoutVacancies.matches]).toEqual([]);
    expect(withoutVacancies.unmatchedVacancies).toEqual([]);
    expect(withoutVacancies.unmatchedCandidates.map((u) => u.id)).toEqual([...cs].map((c) => c.id).sort());
    expect(withoutVacancies.unmatchedCandidates.every((u) => Object.keys(u.blockers).length === 0)).toBe(true);

    const one = engine.indexVacancies([vs[0]]).index;
    const inline = await engine.matchAll(ci, one, { perCandidate: 2 });
    const threaded = await engine.matchAll(ci, one, { perCandidate: 2, workers: 2 });
    expect(lists(threaded, cs, [vs[0]])).toEqual(lists(inline, cs, [vs[0]]));
  });
});
