/**
 * The fast core against the reference of bench/reference.ts on random small territories:
 * every pair, both top lists with near misses, and matchAll's shortlists and per-candidate lists.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import type { CandidateStore } from '../../src/core/indexes.js';
import {
  referenceEvaluate, referenceMatchAll, referenceTopCandidates, referenceTopVacancies,
} from '../../bench/reference.js';
import { parseCandidate, parseVacancy } from '../../src/validate/index.js';
import { candidates, engineOptions, referenceOptions, referential, setting, vacancies, wideCandidate, wideVacancy } from './territory.js';
import { uniqueById } from '../scoring/arbitraries.js';
import { expectSameEvaluation, expectSameRanking, expectSameTop } from './compare.js';

const territory = fc.record({
  cs: candidates(1, 40),
  vs: vacancies(1, 15),
  setting,
  limit: fc.integer({ min: 1, max: 12 }),
  // Often 0: top lists without near misses take the bounded scan that may stop early.
  nearMisses: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 })),
});

describe('engine ≡ reference', () => {
  it('engine.score agrees with referenceEvaluate on every pair', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        const ro = referenceOptions(s);
        for (const c of cs) for (const v of vs) expectSameEvaluation(engine.score(c, v), referenceEvaluate(c, v, ro));
      }),
      { numRuns: 25 },
    );
  });

  it('topCandidates and topVacancies (matches and near misses) agree with the reference', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s, limit, nearMisses }) => {
        const engine = createEngine(engineOptions(s));
        const ro = { ...referenceOptions(s), limit, nearMisses };
        const { index: ci, rejected: rc } = engine.indexCandidates(cs);
        const { index: vi, rejected: rv } = engine.indexVacancies(vs);
        expect(rc).toEqual([]);
        expect(rv).toEqual([]);
        for (const v of vs) {
          expectSameTop(engine.topCandidates(v, ci, { limit, nearMisses }), referenceTopCandidates(v, cs, ro), (m) => m.candidateId, `topCandidates(${v.id})`);
        }
        for (const c of cs) {
          expectSameTop(engine.topVacancies(c, vi, { limit, nearMisses }), referenceTopVacancies(c, vs, ro), (m) => m.vacancyId, `topVacancies(${c.id})`);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('matchAll shortlists equal referenceMatchAll, bestFor equals referenceTopVacancies', async () => {
    await fc.assert(
      fc.asyncProperty(territory, async ({ cs, vs, setting: s, limit }) => {
        const engine = createEngine(engineOptions(s));
        const ro = referenceOptions(s);
        const perCandidate = (limit % 5) + 1;
        const batch = await engine.matchAll(engine.indexCandidates(cs).index, engine.indexVacancies(vs).index, { perVacancy: limit, perCandidate });
        const expected = referenceMatchAll(cs, vs, { ...ro, perVacancy: limit });
        for (const v of vs) {
          const got = batch.shortlist(v.id);
          expectSameRanking(got.map((m) => ({ id: m.candidateId, score: m.score })), expected.get(v.id)!, `shortlist(${v.id})`);
          got.forEach((m, i) => expect(m.rank).toBe(i + 1));
        }
        for (const c of cs) {
          const best = batch.bestFor(c.id);
          const ref = referenceTopVacancies(c, vs, { ...ro, limit: perCandidate }).matches;
          expectSameRanking(best.map((m) => ({ id: m.vacancyId, score: m.score })), ref, `bestFor(${c.id})`);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('past the tier unions\' memory budget (each tier scanned in turn), top lists and shortlists agree with the reference', async () => {
    await fc.assert(
      // Short lists over many candidates: full, so the scans' bounds engage.
      fc.asyncProperty(fc.record({ cs: candidates(10, 40), vs: vacancies(1, 15), setting, limit: fc.integer({ min: 1, max: 3 }) }), async ({ cs, vs, setting: s, limit }) => {
        const engine = createEngine(engineOptions(s));
        const ro = { ...referenceOptions(s), limit, nearMisses: 0 };
        const ci = engine.indexCandidates(cs).index as CandidateStore;
        ci.unionBudget = 0;
        const vi = engine.indexVacancies(vs).index;
        for (const v of vs) {
          expectSameTop(engine.topCandidates(v, ci, { limit }), referenceTopCandidates(v, cs, ro), (m) => m.candidateId, `topCandidates(${v.id})`);
        }
        const batch = await engine.matchAll(ci, vi, { perVacancy: limit });
        const expected = referenceMatchAll(cs, vs, { ...referenceOptions(s), perVacancy: limit });
        for (const v of vs) {
          expectSameRanking(batch.shortlist(v.id).map((m) => ({ id: m.candidateId, score: m.score })), expected.get(v.id)!, `shortlist(${v.id})`);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('a wider territory (many grid cells, pruned scans): top lists and shortlists agree with the reference', async () => {
    const wide = fc.record({
      cs: uniqueById(wideCandidate, 20, 150),
      vs: uniqueById(wideVacancy, 1, 10),
      setting,
      limit: fc.integer({ min: 1, max: 5 }),
      nearMisses: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })),
    });
    await fc.assert(
      fc.asyncProperty(wide, async ({ cs, vs, setting: s, limit, nearMisses }) => {
        const engine = createEngine(engineOptions(s));
        const ro = { ...referenceOptions(s), limit, nearMisses };
        const ci = engine.indexCandidates(cs).index;
        const vi = engine.indexVacancies(vs).index;
        for (const v of vs) {
          expectSameTop(engine.topCandidates(v, ci, { limit, nearMisses }), referenceTopCandidates(v, cs, ro), (m) => m.candidateId, `topCandidates(${v.id})`);
        }
        for (const c of cs.slice(0, 20)) {
          expectSameTop(engine.topVacancies(c, vi, { limit, nearMisses }), referenceTopVacancies(c, vs, ro), (m) => m.vacancyId, `topVacancies(${c.id})`);
        }
        const batch = await engine.matchAll(ci, vi, { perVacancy: limit });
        const expected = referenceMatchAll(cs, vs, { ...referenceOptions(s), perVacancy: limit });
        for (const v of vs) {
          expectSameRanking(batch.shortlist(v.id).map((m) => ({ id: m.candidateId, score: m.score })), expected.get(v.id)!, `shortlist(${v.id})`);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('exact ties are broken by id in code-point order (clones under ids that sort differently by locale)', async () => {
    // 'Z' < '_' < 'a' < 'é' by code point; localeCompare would order them otherwise.
    const SUFFIXES = ['', 'Z', '_', 'a', 'é', '10', '9'];
    const clones = <T extends { id: string }>(xs: T[], pick: number[]) => {
      const all = xs.flatMap((x, i) => SUFFIXES.slice(0, 1 + (pick[i % pick.length] % SUFFIXES.length)).map((sfx) => ({ ...x, id: `${x.id}${sfx}` })));
      // 'c1' + '10' may meet a generated 'c110': keep each id once.
      return all.filter((x, i) => all.findIndex((y) => y.id === x.id) === i);
    };
    await fc.assert(
      fc.asyncProperty(candidates(1, 8), vacancies(1, 6), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), setting, fc.integer({ min: 1, max: 10 }),
        async (cs0, vs0, pick, s, limit) => {
          const cs = clones(cs0, pick);
          const vs = clones(vs0, pick);
          const engine = createEngine(engineOptions(s));
          const ro = { ...referenceOptions(s), limit, nearMisses: limit };
          const ci = engine.indexCandidates(cs).index;
          const vi = engine.indexVacancies(vs).index;
          for (const v of vs) {
            expectSameTop(engine.topCandidates(v, ci, { limit, nearMisses: limit }), referenceTopCandidates(v, cs, ro), (m) => m.candidateId, `topCandidates(${v.id})`);
          }
          for (const c of cs) {
            expectSameTop(engine.topVacancies(c, vi, { limit, nearMisses: limit }), referenceTopVacancies(c, vs, ro), (m) => m.vacancyId, `topVacancies(${c.id})`);
          }
          const batch = await engine.matchAll(ci, vi, { perVacancy: limit, perCandidate: limit });
          const expected = referenceMatchAll(cs, vs, { ...referenceOptions(s), perVacancy: limit });
          for (const v of vs) {
            expectSameRanking(batch.shortlist(v.id).map((m) => ({ id: m.candidateId, score: m.score })), expected.get(v.id)!, `shortlist(${v.id})`);
          }
          for (const c of cs) {
            const ref = referenceTopVacancies(c, vs, { ...referenceOptions(s), limit }).matches;
            expectSameRanking(batch.bestFor(c.id).map((m) => ({ id: m.vacancyId, score: m.score })), ref, `bestFor(${c.id})`);
          }
        }),
      { numRuns: 25 },
    );
  });

  it('near misses rank by the score they show, positive-action bonus included (minimal case)', () => {
    // Two candidates alike but for RSA; both miss the post by its contract type only.
    const base = {
      home: { lat: 44.85, lon: 4.85 },
      mobility: { modes: ['car'], maxMinutes: 30, drivingLicence: true, vehicle: true },
      availableFrom: '2026-01-01', desiredJobs: [], qualifications: [], experience: [],
      schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 0, weeklyHoursMax: 40 },
      contracts: ['CDI'],
    };
    const cs = [
      parseCandidate({ ...base, id: 'c0' }, { referential }),
      parseCandidate({ ...base, id: 'c1', categories: ['RSA'] }, { referential }),
    ];
    const v = parseVacancy({
      id: 'v0', employerId: 'e1', structure: { kind: 'SAD', public: 'personnes_agees' }, job: { rome: 'K1302' },
      site: { lat: 44.85, lon: 4.85 }, contract: { type: 'INTERIM', weeklyHours: 20, startDate: '2026-01-01' },
      schedule: { nights: false, weekends: false, splitShifts: false },
    }, { referential });
    const s = { weights: undefined, positiveAction: { RSA: 1 } };
    const engine = createEngine(engineOptions(s));
    const expected = referenceTopCandidates(v, cs, { ...referenceOptions(s), nearMisses: 2 });
    expect(expected.nearMisses.map((n) => n.id)).toEqual(['c1', 'c0']);
    const got = engine.topCandidates(v, engine.indexCandidates(cs).index, { nearMisses: 2 });
    expect(got.nearMisses.map((m) => [m.candidateId, m.score])).toEqual(expected.nearMisses.map((n) => [n.id, expect.closeTo(n.score, 9)]));
  });
});
