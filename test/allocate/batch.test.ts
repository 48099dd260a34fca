/**
 * The territory functions on real matchAll batches of generated records: they read the eligible
 * pairs the batch exposes (shortlists ∪ best vacancies), account for every record, are
 * deterministic, and do not move when public categories change.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { allocate, spreadRecommendations, prioritize } from '../../src/index.js';
import { Category, type Candidate } from '../../src/schema/index.js';
import { TODAY, candidates, vacancies } from '../engine/territory.js';

const territory = fc.record({
  cs: candidates(1, 30),
  vs: vacancies(1, 10),
  categories: fc.array(fc.subarray([...Category.options], { maxLength: 3 }), { minLength: 30, maxLength: 30 }),
});

async function batchOf(cs: Candidate[], vs: unknown[]) {
  const engine = createEngine({ today: TODAY });
  return { engine, batch: await engine.matchAll(cs, vs, { perVacancy: 3, perCandidate: 2 }) };
}

describe('allocate and spreadRecommendations on matchAll batches', () => {
  it('use only the batch’s eligible pairs, account for every record, and repeat exactly', async () => {
    let assigned = 0;
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs }) => {
        const { engine, batch } = await batchOf(cs, vs);
        const pairs = new Map<string, number>();
        for (const m of batch.matches) pairs.set(`${m.candidateId}|${m.vacancyId}`, m.score);
        for (const id of batch.candidateIds()) for (const m of batch.bestFor(id)) pairs.set(`${m.candidateId}|${m.vacancyId}`, m.score);
        for (const method of ['optimal', 'stable'] as const) {
          const a = await allocate(batch, { method });
          assigned += a.assignments.length;
          expect(await allocate(batch, { method })).toEqual(a);
          for (const x of a.assignments) {
            expect(pairs.get(`${x.candidateId}|${x.vacancyId}`)).toBe(x.score);
            expect(engine.score(batch.candidate(x.candidateId)!, batch.vacancy(x.vacancyId)!).eligible).toBe(true);
          }
          const ids = [...a.assignments.map((x) => x.candidateId), ...a.unassignedCandidates.map((u) => u.id)];
          expect([...new Set(ids)].sort()).toEqual(batch.candidateIds());
          for (const id of batch.vacancyIds()) {
            const filled = a.assignments.filter((x) => x.vacancyId === id).length;
            const open = a.unfilledVacancies.find((u) => u.id === id)?.open ?? 0;
            expect(filled + open).toBe(batch.vacancy(id)!.openings);
          }
        }
        const s = spreadRecommendations(batch, { perCandidate: 2, perOpening: 2 });
        expect(spreadRecommendations(batch, { perCandidate: 2, perOpening: 2 })).toEqual(s);
        for (const l of s.lists) for (const v of l.vacancyIds) expect(pairs.has(`${l.candidateId}|${v}`)).toBe(true);
        expect(s.exposure.map((e) => e.vacancyId)).toEqual(batch.vacancyIds());
      }),
      { numRuns: 25 },
    );
    // Not vacuous: the generated territories do fill posts.
    expect(assigned).toBeGreaterThan(20);
  });

  it('public categories change no score, no allocation, no list and no sentence (the call order only orders)', async () => {
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs, categories }) => {
        const relabelled = cs.map((c, i) => ({ ...c, categories: categories[i] }));
        const { batch: a } = await batchOf(cs.map((c) => ({ ...c, categories: [] })), vs);
        const { batch: b } = await batchOf(relabelled, vs);
        expect([...b.matches]).toEqual([...a.matches]);
        for (const method of ['optimal', 'stable'] as const) {
          expect(await allocate(b, { method })).toEqual(await allocate(a, { method }));
        }
        expect(spreadRecommendations(b)).toEqual(spreadRecommendations(a));
        for (const id of b.vacancyIds()) {
          const shortlist = b.shortlist(id);
          const order = prioritize(shortlist, { minShare: 0.3, priority: ['RSA', 'QPV'], candidates: relabelled }).order;
          expect(order.map((o) => o.score).sort()).toEqual(shortlist.map((m) => m.score).sort());
          for (const o of order) expect(o.score).toBe(shortlist[o.originalRank - 1].score);
        }
      }),
      { numRuns: 15 },
    );
  });
});
