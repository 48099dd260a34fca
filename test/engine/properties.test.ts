/**
 * Properties of the engine itself (MODEL.md "Invariants"): score arithmetic, agreement between
 * score and the top lists, determinism, what never enters a score, positive action only adding,
 * independence of one candidate's score from the others.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/engine.js';
import { Category, categoryCodes, type Candidate, type Vacancy } from '../../src/schema/index.js';
import type { Match } from '../../src/scoring/types.js';
import { parseCandidate } from '../../src/validate/index.js';
import { RESTRICTIONS } from '../scoring/arbitraries.js';
import { candidate, candidates, engineOptions, referential, setting, TODAY, vacancies, weights } from './territory.js';
import { EPS } from './compare.js';

const territory = fc.record({ cs: candidates(1, 30), vs: vacancies(1, 12), setting });

/** The numbers of a Match: what a rank or an eligibility rests on (not the French text). */
function numbers(m: Match) {
  return {
    candidateId: m.candidateId,
    vacancyId: m.vacancyId,
    score: m.score,
    eligible: m.eligible,
    blockers: m.blockers.map((b) => b.code),
    criteria: m.criteria.map((k) => [k.code, k.value, k.weight, k.points]),
    commute: m.commute,
  };
}

/** Restrictions that no demand of any of these vacancies meets (docs/SCORING.md "restriction"). */
function untouchedBy(vs: readonly Vacancy[]): string[] {
  const demands = new Set<string>();
  for (const v of vs) {
    for (const d of v.physicalDemands ?? []) demands.add(d);
    if (v.schedule.nights) demands.add('night_work');
    if (v.requires.drivingLicence) demands.add('driving');
  }
  const met = new Set(referential.physicalDemands.filter((d) => demands.has(d.code)).map((d) => d.restriction));
  return RESTRICTIONS.filter((r) => !met.has(r));
}

const traits = fc.record({
  categories: fc.option(fc.uniqueArray(fc.constantFrom(...Category.options)), { nil: undefined }),
  status: fc.option(fc.constantFrom('demandeur_emploi', 'salarie', 'etudiant', 'inactif') as fc.Arbitrary<Candidate['status']>, { nil: undefined }),
  birthYear: fc.option(fc.integer({ min: 1940, max: 2010 }), { nil: undefined }),
  extraRestrictions: fc.uniqueArray(fc.constantFrom(...RESTRICTIONS), { maxLength: 3 }),
});

/** The candidate with categories, status and birth year replaced, and untouched restrictions added. */
type Traits = typeof traits extends fc.Arbitrary<infer T> ? T : never;
function retrait(c: Candidate, t: Traits, untouched: readonly string[]): Candidate {
  const { categories: _c, status: _s, birthYear: _b, restrictions, ...rest } = c;
  const added = t.extraRestrictions.filter((r) => untouched.includes(r));
  const all = [...new Set([...(restrictions ?? []), ...added])];
  return parseCandidate({
    ...rest,
    ...(all.length > 0 ? { restrictions: all } : {}),
    ...(t.categories === undefined ? {} : { categories: t.categories }),
    ...(t.status === undefined ? {} : { status: t.status }),
    ...(t.birthYear === undefined ? {} : { birthYear: t.birthYear }),
  }, { referential });
}

describe('engine properties', () => {
  it('score in [0, 100], equal to Σ criteria points, in both audiences; eligible ⇔ no blocker', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        for (const c of cs) {
          for (const v of vs) {
            for (const audience of ['advisor', 'employer'] as const) {
              const m = engine.score(c, v, { audience });
              expect(m.score).toBeGreaterThanOrEqual(0);
              expect(m.score).toBeLessThanOrEqual(100 + EPS);
              expect(Math.abs(m.score - m.criteria.reduce((sum, k) => sum + k.points, 0))).toBeLessThanOrEqual(EPS);
              for (const k of m.criteria) {
                expect(k.value).toBeGreaterThanOrEqual(0);
                expect(k.value).toBeLessThanOrEqual(1 + EPS);
              }
              expect(m.eligible).toBe(m.blockers.length === 0);
              expect(m.audience).toBe(audience);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('score, topCandidates and topVacancies give the same Match for every pair they return', () => {
    fc.assert(
      fc.property(territory, ({ cs, vs, setting: s }) => {
        const engine = createEngine(engineOptions(s));
        const ci = engine.indexCandidates(cs).index;
        const vi = engine.indexVacancies(vs).index;
        const seen = new Set<string>();
        const check = (m: Match) => {
          const c = cs.find((x) => x.id === m.candidateId)!;
          const v = vs.find((x) => x.id === m.vacancyId)!;
          expect(m).toEqual(engine.score(c, v));
          seen.add(`${m.candidateId}|${m.vacancyId}`);
        };
        for (const v of vs) {
          const top = engine.topCandidates(v, ci, { limit: cs.length, nearMisses: cs.length });
          top.matches.forEach(check);
          top.nearMisses.forEach(check);
        }
        for (const c of cs) {
          const top = engine.topVacancies(c, vi, { limit: vs.length, nearMisses: vs.length });
          top.matches.forEach(check);
          top.nearMisses.forEach(check);
        }
        // With limits that large, every eligible pair is listed (from both sides).
        for (const c of cs) for (const v of vs) if (engine.score(c, v).eligible) expect(seen.has(`${c.id}|${v.id}`)).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('determinism: two engines and input order give deep-equal outputs', async () => {
    await fc.assert(
      fc.asyncProperty(territory, fc.integer(), async ({ cs, vs, setting: s }, seed) => {
        const run = async (cands: Candidate[], vacs: Vacancy[]) => {
          const engine = createEngine(engineOptions(s));
          const ci = engine.indexCandidates(cands).index;
          const vi = engine.indexVacancies(vacs).index;
          const batch = await engine.matchAll(ci, vi, { perVacancy: 5, perCandidate: 3 });
          const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
          return {
            candidates: byId(vs).map((v) => engine.topCandidates(v, ci, { limit: 5, nearMisses: 3 })),
            vacancies: byId(cs).map((c) => engine.topVacancies(c, vi, { limit: 5, nearMisses: 3 })),
            counterfactuals: byId(cs).map((c) => engine.counterfactuals(c, vi)),
            matches: [...batch.matches],
            bestFor: byId(cs).map((c) => batch.bestFor(c.id)),
            unmatched: [batch.unmatchedCandidates, batch.unmatchedVacancies],
          };
        };
        const shuffle = <T>(xs: T[]) => {
          const out = [...xs];
          let x = seed | 0;
          for (let i = out.length - 1; i > 0; i--) {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            const j = (x >>> 0) % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const a = await run(cs, vs);
        expect(await run(cs, vs)).toEqual(a);
        expect(await run(shuffle(cs), shuffle(vs))).toEqual(a);
      }),
      { numRuns: 10 },
    );
  });

  it('categories, status, birthYear and untouched restrictions change no score, eligibility or rank (positive action off)', () => {
    fc.assert(
      fc.property(candidates(1, 20), vacancies(1, 10), fc.array(traits, { minLength: 20, maxLength: 20 }), weights, (cs, vs, ts, w) => {
        const engine = createEngine({ today: TODAY, ...(w ? { weights: w } : {}) });
        const untouched = untouchedBy(vs);
        const toggled = cs.map((c, i) => retrait(c, ts[i], untouched));
        for (let i = 0; i < cs.length; i++) {
          for (const v of vs) {
            expect(numbers(engine.score(toggled[i], v))).toEqual(numbers(engine.score(cs[i], v)));
          }
        }
        const before = engine.indexCandidates(cs).index;
        const after = engine.indexCandidates(toggled).index;
        for (const v of vs) {
          const a = engine.topCandidates(v, before, { limit: 10, nearMisses: 5 });
          const b = engine.topCandidates(v, after, { limit: 10, nearMisses: 5 });
          expect(b.matches.map(numbers)).toEqual(a.matches.map(numbers));
          expect(b.nearMisses.map(numbers)).toEqual(a.nearMisses.map(numbers));
        }
        const vi = engine.indexVacancies(vs).index;
        for (let i = 0; i < cs.length; i++) {
          const a = engine.topVacancies(cs[i], vi, { limit: 10, nearMisses: 5 });
          const b = engine.topVacancies(toggled[i], vi, { limit: 10, nearMisses: 5 });
          expect(b.matches.map(numbers)).toEqual(a.matches.map(numbers));
          expect(b.nearMisses.map(numbers)).toEqual(a.nearMisses.map(numbers));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('positive action only adds: criteria and blockers unchanged, score never lower, never above 100', () => {
    fc.assert(
      fc.property(
        candidates(1, 15),
        vacancies(1, 8),
        weights,
        fc.dictionary(fc.constantFrom(...Category.options), fc.integer({ min: 1, max: 60 }), { minKeys: 1, maxKeys: 13 }),
        (cs, vs, w, points) => {
          const off = createEngine({ today: TODAY, ...(w ? { weights: w } : {}) });
          const on = createEngine({ today: TODAY, ...(w ? { weights: w } : {}), positiveAction: points });
          for (const c of cs) {
            for (const v of vs) {
              const a = off.score(c, v);
              const b = on.score(c, v);
              expect(b.blockers.map((k) => k.code)).toEqual(a.blockers.map((k) => k.code));
              expect(b.criteria.filter((k) => k.code !== 'positive_action')).toEqual(a.criteria);
              expect(b.score).toBeGreaterThanOrEqual(a.score - EPS);
              expect(b.score).toBeLessThanOrEqual(100 + EPS);
              const bonus = b.criteria.find((k) => k.code === 'positive_action')!;
              const raw = [...new Set(categoryCodes(c.categories))].reduce((sum, k) => sum + (points[k] ?? 0), 0);
              expect(Math.abs(bonus.points - Math.min(raw, 100 - a.score))).toBeLessThanOrEqual(EPS);
              // The employer view carries no bonus: its score is the bonus-free one.
              expect(on.score(c, v, { audience: 'employer' }).score).toBeCloseTo(a.score, 9);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('adding a candidate changes no other candidate\'s score or relative order', () => {
    fc.assert(
      fc.property(candidates(2, 25), vacancies(1, 10), setting, (all, vs, s) => {
        const engine = createEngine(engineOptions(s));
        const [extra, ...cs] = all;
        const index = engine.indexCandidates(cs).index;
        const opts = { limit: all.length, nearMisses: all.length };
        const before = vs.map((v) => engine.topCandidates(v, index, opts));
        index.add(extra);
        vs.forEach((v, k) => {
          const after = engine.topCandidates(v, index, opts);
          const others = (ms: Match[]) => ms.filter((m) => m.candidateId !== extra.id).map(numbers);
          expect(others(after.matches)).toEqual(before[k].matches.map(numbers));
          expect(others(after.nearMisses)).toEqual(before[k].nearMisses.map(numbers));
        });
      }),
      { numRuns: 20 },
    );
  });

  it('a single generated candidate scores the same alone and inside a crowd', () => {
    fc.assert(
      fc.property(candidate, candidates(0, 30), vacancies(1, 8), setting, (c, crowd, vs, s) => {
        const engine = createEngine(engineOptions(s));
        const others = crowd.filter((x) => x.id !== c.id);
        const alone = engine.indexCandidates([c]).index;
        const together = engine.indexCandidates([...others, c]).index;
        for (const v of vs) {
          const a = engine.topCandidates(v, alone, { limit: 1, nearMisses: 1 });
          const b = engine.topCandidates(v, together, { limit: others.length + 1, nearMisses: others.length + 1 });
          const mine = (ms: Match[]) => ms.filter((m) => m.candidateId === c.id).map(numbers);
          expect(mine(b.matches)).toEqual(mine(a.matches));
          expect(mine(b.nearMisses)).toEqual(mine(a.nearMisses));
        }
      }),
      { numRuns: 20 },
    );
  });
});
