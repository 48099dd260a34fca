/** Properties of the reference implementation on random territories (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Category, CandidateSchema, type Candidate, type Vacancy } from '../../src/schema/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import { BLOCKER_CODES, CRITERION_CODES, NEAR_MISS_COMMUTE_FACTOR } from '../../src/scoring/model.js';
import {
  compareIds, referenceEvaluate, referenceMatchAll, referenceTopCandidates, referenceTopVacancies,
  type PositiveAction,
} from '../../bench/reference.js';
import { RESTRICTIONS, candidateArb, uniqueById, vacancyArb } from './arbitraries.js';

const referential = defaultReferential;
const opts = { referential };
const pair = fc.tuple(candidateArb, vacancyArb);
const territory = fc.tuple(uniqueById(candidateArb, 1, 25), uniqueById(vacancyArb, 1, 12));

/** Restrictions that no demand of D(v) meets (docs/SCORING.md "restriction"). */
function untouchedRestrictions(v: Vacancy): string[] {
  const demands = new Set([
    ...(v.physicalDemands ?? []),
    ...(v.schedule.nights ? ['night_work'] : []),
    ...(v.requires.drivingLicence ? ['driving'] : []),
  ]);
  const met = new Set(referential.physicalDemands.filter((d) => demands.has(d.code)).map((d) => d.restriction));
  return RESTRICTIONS.filter((r) => !met.has(r));
}

/** The candidate with public categories, status and birth year replaced. */
const publicToggle = fc.record({
  categories: fc.option(fc.uniqueArray(fc.constantFrom(...Category.options)), { nil: undefined }),
  status: fc.option(fc.constantFrom('demandeur_emploi', 'salarie', 'etudiant', 'inactif') as fc.Arbitrary<Candidate['status']>, { nil: undefined }),
  birthYear: fc.option(fc.integer({ min: 1940, max: 2010 }), { nil: undefined }),
});
function toggled(c: Candidate, t: { categories?: Category[]; status?: Candidate['status']; birthYear?: number }): Candidate {
  const { categories: _c, status: _s, birthYear: _b, ...rest } = c;
  return CandidateSchema.parse({
    ...rest,
    ...(t.categories === undefined ? {} : { categories: t.categories }),
    ...(t.status === undefined ? {} : { status: t.status }),
    ...(t.birthYear === undefined ? {} : { birthYear: t.birthYear }),
  });
}

const positiveAction: fc.Arbitrary<PositiveAction> = fc.dictionary(
  fc.constantFrom(...Category.options),
  fc.integer({ min: 0, max: 30 }),
  { maxKeys: 5 },
);

describe('referenceEvaluate', () => {
  it('score in [0, 100] equal to Σ points; eligible ⇔ no blockers; values in [0, 1]', () => {
    fc.assert(
      fc.property(pair, ([c, v]) => {
        const e = referenceEvaluate(c, v, opts);
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(100 + 1e-9);
        expect(e.score).toBeCloseTo(e.criteria.reduce((s, k) => s + k.points, 0), 9);
        expect(e.eligible).toBe(e.blockers.length === 0);
        expect(e.criteria.map((k) => k.code)).toEqual([...CRITERION_CODES]);
        for (const k of e.criteria) {
          expect(k.value).toBeGreaterThanOrEqual(0);
          expect(k.value).toBeLessThanOrEqual(1);
        }
        // Blockers in BLOCKER_CODES order, without repeats.
        const idx = e.blockers.map((b) => BLOCKER_CODES.indexOf(b));
        expect(idx).toEqual([...new Set(idx)].sort((a, b) => a - b));
        expect(e.blockers.includes('restriction')).toBe(e.unliftedDemands.length > 0);
        expect(e.commute.minutes).toBeGreaterThanOrEqual(0);
        expect(c.mobility.modes).toContain(e.commute.mode);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and does not mutate its inputs', () => {
    fc.assert(
      fc.property(pair, ([c, v]) => {
        const before = JSON.stringify([c, v]);
        const a = referenceEvaluate(c, v, opts);
        expect(JSON.stringify([c, v])).toBe(before);
        expect(referenceEvaluate(structuredClone(c), structuredClone(v), opts)).toEqual(a);
      }),
    );
  });

  it('categories, status, birth year and untouched restrictions change nothing', () => {
    fc.assert(
      fc.property(pair, publicToggle, fc.nat(), ([c, v], t, pick) => {
        const base = referenceEvaluate(c, v, opts);
        expect(referenceEvaluate(toggled(c, t), v, opts)).toEqual(base);
        const free = untouchedRestrictions(v);
        if (free.length === 0) return;
        const extra = free[pick % free.length];
        const restricted = CandidateSchema.parse({ ...c, restrictions: [...new Set([...(c.restrictions ?? []), extra])] });
        expect(referenceEvaluate(restricted, v, opts)).toEqual(base);
      }),
      { numRuns: 1000 },
    );
  });

  it('positive action only adds, never beyond 100, and changes nothing else', () => {
    fc.assert(
      fc.property(pair, positiveAction, ([c, v], pa) => {
        const off = referenceEvaluate(c, v, opts);
        const on = referenceEvaluate(c, v, { ...opts, positiveAction: pa });
        expect(on.score).toBeGreaterThanOrEqual(off.score - 1e-9);
        expect(on.score).toBeLessThanOrEqual(100 + 1e-9);
        expect(on.criteria).toEqual(off.criteria);
        expect(on.blockers).toEqual(off.blockers);
        expect(on.eligible).toBe(off.eligible);
        expect(on.bonus).not.toBeNull();
        expect(on.score).toBeCloseTo(off.score + (on.bonus?.points ?? 0), 9);
        const mine = new Set(c.categories ?? []);
        const owed = Object.entries(pa).reduce((s, [k, p]) => s + (mine.has(k as Category) ? p : 0), 0);
        expect(on.bonus?.points).toBeCloseTo(Math.min(owed, 100 - off.score), 9);
        expect(on.bonus?.weight).toBe(Object.values(pa).reduce((s, p) => s + p, 0));
      }),
      { numRuns: 1000 },
    );
  });

  it('weights normalise: multiplying them all by a factor changes no score', () => {
    const weights = fc.record(
      Object.fromEntries(CRITERION_CODES.map((k) => [k, fc.integer({ min: 0, max: 50 })])) as Record<(typeof CRITERION_CODES)[number], fc.Arbitrary<number>>,
    ).filter((w) => Object.values(w).some((x) => x > 0));
    fc.assert(
      fc.property(pair, weights, fc.integer({ min: 2, max: 9 }), ([c, v], w, f) => {
        const scaled = Object.fromEntries(Object.entries(w).map(([k, x]) => [k, x * f]));
        expect(referenceEvaluate(c, v, { ...opts, weights: scaled }).score)
          .toBeCloseTo(referenceEvaluate(c, v, { ...opts, weights: w }).score, 9);
      }),
    );
  });
});

describe('reference rankings', () => {
  it('topCandidates follows docs/SCORING.md "Rankings" for every vacancy', () => {
    fc.assert(
      fc.property(territory, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), ([cs, vs], limit, nearMisses) => {
        for (const v of vs) {
          const top = referenceTopCandidates(v, cs, { ...opts, limit, nearMisses });
          const evals = new Map(cs.map((c) => [c.id, referenceEvaluate(c, v, opts)]));
          const eligible = [...evals.values()].filter((e) => e.eligible).length;
          expect(top.matches.length).toBe(Math.min(limit, eligible));
          for (const m of top.matches) {
            expect(evals.get(m.id)?.eligible).toBe(true);
            expect(m.score).toBe(evals.get(m.id)?.score);
          }
          for (let i = 1; i < top.matches.length; i++) {
            const [a, b] = [top.matches[i - 1], top.matches[i]];
            expect(a.score > b.score || (a.score === b.score && compareIds(a.id, b.id) < 0)).toBe(true);
          }
          // Nothing left out beats the last kept match.
          const last = top.matches.at(-1);
          if (last !== undefined) {
            const kept = new Set(top.matches.map((m) => m.id));
            for (const [id, e] of evals) {
              if (!e.eligible || kept.has(id)) continue;
              expect(e.score < last.score || (e.score === last.score && compareIds(id, last.id) > 0)).toBe(true);
            }
          }
          expect(top.nearMisses.length).toBeLessThanOrEqual(nearMisses);
          for (const n of top.nearMisses) {
            expect(n.blockers.length).toBeGreaterThanOrEqual(1);
            expect(n.blockers.length).toBeLessThanOrEqual(2);
            expect(n.blockers).toEqual(evals.get(n.id)?.blockers);
            if (n.blockers.includes('commute')) {
              const c = cs.find((x) => x.id === n.id)!;
              expect(evals.get(n.id)!.commute.minutes).toBeLessThanOrEqual(NEAR_MISS_COMMUTE_FACTOR * c.mobility.maxMinutes);
            }
          }
          for (let i = 1; i < top.nearMisses.length; i++) {
            const [a, b] = [top.nearMisses[i - 1], top.nearMisses[i]];
            const ordered = a.blockers.length < b.blockers.length
              || (a.blockers.length === b.blockers.length
                && (a.score > b.score || (a.score === b.score && compareIds(a.id, b.id) < 0)));
            expect(ordered).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(territory, fc.nat(), ([cs, vs], seed) => {
        const shuffled = [...cs];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) % 2147483648;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        for (const v of vs) {
          expect(referenceTopCandidates(v, shuffled, { ...opts, nearMisses: 5 }))
            .toEqual(referenceTopCandidates(v, cs, { ...opts, nearMisses: 5 }));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('topCandidates and topVacancies agree on every pair', () => {
    fc.assert(
      fc.property(territory, ([cs, vs]) => {
        const all = { ...opts, limit: Infinity, nearMisses: Infinity };
        const byVacancy = new Map(vs.map((v) => [v.id, referenceTopCandidates(v, cs, all)]));
        const byCandidate = new Map(cs.map((c) => [c.id, referenceTopVacancies(c, vs, all)]));
        for (const c of cs) {
          for (const v of vs) {
            const fromV = byVacancy.get(v.id)!;
            const fromC = byCandidate.get(c.id)!;
            const score = referenceEvaluate(c, v, opts).score;
            const matched = fromV.matches.find((m) => m.id === c.id)?.score;
            expect(matched).toBe(fromC.matches.find((m) => m.id === v.id)?.score);
            if (matched !== undefined) expect(matched).toBe(score);
            expect(fromV.nearMisses.find((m) => m.id === c.id)?.score).toBe(fromC.nearMisses.find((m) => m.id === v.id)?.score);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('public categories never change a top list (without positive action)', () => {
    fc.assert(
      fc.property(territory, fc.array(publicToggle, { minLength: 25, maxLength: 25 }), ([cs, vs], toggles) => {
        const others = cs.map((c, i) => toggled(c, toggles[i]));
        for (const v of vs) {
          expect(referenceTopCandidates(v, others, { ...opts, nearMisses: 10 }))
            .toEqual(referenceTopCandidates(v, cs, { ...opts, nearMisses: 10 }));
        }
        for (let i = 0; i < cs.length; i++) {
          expect(referenceTopVacancies(others[i], vs, { ...opts, nearMisses: 10 }))
            .toEqual(referenceTopVacancies(cs[i], vs, { ...opts, nearMisses: 10 }));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('matchAll gives each vacancy its top candidates', () => {
    fc.assert(
      fc.property(territory, fc.integer({ min: 1, max: 10 }), ([cs, vs], perVacancy) => {
        const all = referenceMatchAll(cs, vs, { ...opts, perVacancy });
        expect([...all.keys()]).toEqual(vs.map((v) => v.id));
        for (const v of vs) expect(all.get(v.id)).toEqual(referenceTopCandidates(v, cs, { ...opts, limit: perVacancy }).matches);
      }),
      { numRuns: 50 },
    );
  });
});
