/**
 * The employer view (MODEL.md "Two audiences", GDPR art. 9, anti-discrimination): nothing in it
 * may depend on the candidate's categories, status, birth year or restrictions, except one bit —
 * whether a `to_discuss` blocker is present. For random pairs, the employer view of a candidate
 * (explainMatch, engine.score, topCandidates, topVacancies, matchAll's explain and blocker counts)
 * equals, as JSON, that of copies with other such fields; when the bit differs, everything but
 * the blocker itself, the eligibility and the summary still does. Its text never names a category,
 * a restriction, a status or the positive action.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCandidate, validVacancy } from '../arbitraries.js';
import { referenceEvaluate } from '../../bench/reference.js';
import { CandidateSchema, VacancySchema, Category, Status, type Candidate, type Vacancy } from '../../src/schema/index.js';
import { BLOCKER_CODES, CRITERION_CODES } from '../../src/scoring/model.js';
import type { Match, PairEvaluation } from '../../src/scoring/types.js';
import { TO_DISCUSS_MESSAGE } from '../../src/explain/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { parseCandidate } from '../../src/validate/index.js';
import type { BatchResult } from '../../src/batch/matchAll.js';
import { candidate as territoryCandidate, candidates as territoryCandidates, vacancies as territoryVacancies, TODAY } from '../engine/territory.js';
import { explain, ref } from './fixtures.js';

const CATEGORY_CODES = Category.options;
const RESTRICTION_CODES = [...new Set([...ref.restrictions.map((r) => r.code), ...ref.physicalDemands.map((d) => d.restriction)])];

/** Words that legitimately occur in an employer view for reasons of their own ("au moins 6 mois", "travail de nuit"). */
const ALLOWED_WORDS = new Set(['emploi', 'avec', 'plus', 'moins', 'travail', 'nuit', 'zone', 'ans']);

const words = (s: string) => s.toLowerCase().split(/[^a-zà-ÿœæ]+/).filter((w) => w.length >= 4 && !ALLOWED_WORDS.has(w));

const FORBIDDEN_WORDS = [
  ...new Set([
    ...ref.categories.flatMap((c) => words(c.label)),
    ...ref.restrictions.flatMap((r) => words(r.label)),
    // Statuses, the disability funds, the bonus, and what the neutral blocker replaced.
    'demandeur', 'demandeuse', 'salarié', 'inactif', 'étudiant', 'agefiph', 'fiphfp', 'bonus', 'restriction', 'naissance',
    'handicapé', 'handicapée', 'lève', 'autorisation', 'aménagement',
  ]),
];

/** The French text of a Match: what a person reads (codes are checked on the whole JSON). */
function texts(m: Match): string {
  return [
    m.summary,
    ...m.criteria.flatMap((k) => [k.label, k.detail]),
    ...m.blockers.flatMap((b) => [b.message, b.lift?.message ?? '']),
    ...m.toCheck.map((t) => t.message),
    ...m.aids.flatMap((a) => [a.label, a.reason]),
  ].join('\n');
}

/** What the view leaks: category and restriction codes, the codes `to_discuss` replaces, revealing words. */
function leaks(m: Match): string[] {
  const json = JSON.stringify(m);
  const found: string[] = [];
  for (const code of CATEGORY_CODES) if (new RegExp(`\\b${code}\\b`).test(json)) found.push(code);
  for (const code of RESTRICTION_CODES) if (json.includes(code)) found.push(code);
  for (const code of ['"restriction"', '"work_authorization"']) if (json.includes(code)) found.push(code);
  const tokens = new Set(texts(m).toLowerCase().split(/[^a-zà-ÿœæ]+/));
  for (const w of FORBIDDEN_WORDS) if (tokens.has(w)) found.push(w);
  if (/action positive|positive_action/i.test(json)) found.push('positive action');
  return found;
}

const toDiscuss = (m: Match) => m.blockers.some((b) => b.code === 'to_discuss');

/** Everything an employer reads but the one bit: the `to_discuss` blocker, and what follows from it. */
const withoutTheBit = (m: Match) =>
  JSON.stringify({ ...m, eligible: undefined, summary: undefined, blockers: m.blockers.filter((b) => b.code !== 'to_discuss') });

/** Two employer views of a candidate and of its copy: equal, apart from the one bit. */
function expectSameApartFromTheBit(a: Match, b: Match): void {
  if (toDiscuss(a) === toDiscuss(b)) expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  else expect(withoutTheBit(b)).toBe(withoutTheBit(a));
}

/** Other values of the protected fields: categories, status, birth year, restrictions (each may be absent). */
const otherProtected = fc.record({
  categories: fc.option(fc.uniqueArray(fc.constantFrom(...CATEGORY_CODES), { maxLength: 4 }), { nil: undefined }),
  status: fc.option(fc.constantFrom(...Status.options), { nil: undefined }),
  birthYear: fc.option(fc.integer({ min: 1950, max: 2010 }), { nil: undefined }),
  restrictions: fc.option(fc.uniqueArray(fc.constantFrom(...RESTRICTION_CODES), { maxLength: 3 }), { nil: undefined }),
});
type Protected = Omit<typeof otherProtected extends fc.Arbitrary<infer P> ? P : never, 'categories'> & Pick<Candidate, 'categories'>;

const copyWith = (c: Candidate, p: Protected): Candidate => parseCandidate({ ...c, ...p }, { referential: ref });

// Ids are fixed so a random id can never spell a category code.
const records = fc.tuple(validCandidate(), validVacancy()).map(([c, v]) => [
  CandidateSchema.parse({ ...c, id: 'cand' }),
  VacancySchema.parse({ ...v, id: 'vac', employerId: 'emp' }),
] as [Candidate, Vacancy]);

/** Any shape the engine could send: random blockers, values, bonus and unlifted demands. */
const randomEvaluation: fc.Arbitrary<PairEvaluation> = fc
  .record({
    blockers: fc.subarray([...BLOCKER_CODES]),
    values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
    km: fc.double({ min: 0, max: 300, noNaN: true }),
    minutes: fc.double({ min: 0, max: 400, noNaN: true }),
    mode: fc.constantFrom('car', 'motorbike', 'transit', 'bike', 'walk' as const),
    bonus: fc.option(fc.record({ points: fc.integer({ min: 0, max: 20 }), categories: fc.subarray([...CATEGORY_CODES]) })),
    unliftedDemands: fc.subarray(ref.physicalDemands.map((d) => d.code)),
  })
  .map((r) => {
    const criteria = CRITERION_CODES.map((code, i) => {
      const weight = [30, 15, 20, 10, 10, 10, 5][i];
      return { code, value: r.values[i], weight, points: r.values[i] * weight };
    });
    return {
      eligible: r.blockers.length === 0,
      blockers: r.blockers,
      criteria,
      bonus: r.bonus === null ? null : { points: r.bonus.points, weight: 20, categories: r.bonus.categories },
      score: criteria.reduce((s, k) => s + k.points, 0),
      commute: { km: r.km, minutes: r.minutes, mode: r.mode },
      unliftedDemands: r.unliftedDemands,
    };
  });

const positiveAction = fc.dictionary(fc.constantFrom(...CATEGORY_CODES), fc.integer({ min: 0, max: 10 }), { maxKeys: 4 });

/** One evaluation explained for an employer: no leak, the neutral blocker last, and the same view for a copy with other protected fields. */
function checkEmployerView(ev: PairEvaluation, c: Candidate, v: Vacancy, other: Protected) {
  const m = explain(ev, c, v, 'employer');
  expect(leaks(m)).toEqual([]);
  expect(m.criteria.map((k) => k.code)).toEqual([...CRITERION_CODES]);
  expect(m.score).toBe(m.criteria.reduce((s, k) => s + k.points, 0));
  const shared = ev.blockers.includes('restriction') || ev.blockers.includes('work_authorization');
  const rest = ev.blockers.filter((b) => b !== 'restriction' && b !== 'work_authorization');
  expect(m.blockers.map((b) => b.code)).toEqual(shared ? [...rest, 'to_discuss'] : rest);
  if (shared) expect(m.blockers.at(-1)).toEqual({ code: 'to_discuss', message: TO_DISCUSS_MESSAGE });
  // The same evaluation (so the same bit) for a copy with other protected fields: the same JSON.
  expect(JSON.stringify(explain(ev, copyWith(c, other), v, 'employer'))).toBe(JSON.stringify(m));
  expect(JSON.stringify(explain(ev, { ...c, categories: undefined, restrictions: undefined, status: undefined, birthYear: undefined }, v, 'employer')))
    .toBe(JSON.stringify(m));
}

describe('employer view: explanations', () => {
  it('never reveals, and never depends on, categories, restrictions, status or age (random evaluations)', () => {
    fc.assert(fc.property(records, randomEvaluation, otherProtected, ([c, v], ev, p) => checkEmployerView(ev, c, v, p)), { numRuns: 400 });
  });

  it('never reveals, and never depends on, categories, restrictions, status or age (reference evaluations)', () => {
    fc.assert(
      fc.property(records, positiveAction, otherProtected, ([c, v], pa, p) => {
        checkEmployerView(referenceEvaluate(c, v, { referential: ref, positiveAction: pa }), c, v, p);
      }),
      { numRuns: 400 },
    );
  });

  it('a restriction, a missing work authorisation, or both: one identical view', () => {
    fc.assert(
      fc.property(records, randomEvaluation, ([c, v], ev) => {
        const base = ev.blockers.filter((b) => b !== 'restriction' && b !== 'work_authorization');
        const variants = [['restriction'], ['work_authorization'], ['work_authorization', 'restriction']] as const;
        const views = variants.map((extra) => {
          const blockers = BLOCKER_CODES.filter((b) => (base as readonly string[]).includes(b) || (extra as readonly string[]).includes(b));
          return JSON.stringify(explain({ ...ev, blockers, eligible: false }, c, v, 'employer'));
        });
        expect(views[1]).toBe(views[0]);
        expect(views[2]).toBe(views[0]);
      }),
      { numRuns: 200 },
    );
  });

  it('an apprenticeship contract shows the same aid with or without RQTH, whatever the age (CI counterexample)', () => {
    // Born 1960, contract starting in 1990: 29 or 30 depending on the birthday. Before, RQTH
    // lifting the limit could make the aid vanish or appear for the employer.
    const [c, v] = fc.sample(records, { numRuns: 1, seed: 11 })[0];
    // Available before the contract starts: the hire (when aids are decided) is on its start date.
    const cand = { ...c, birthYear: 1960, availableFrom: '1989-06-01', categories: ['RQTH' as const] };
    const vac = { ...v, contract: { ...v.contract, type: 'APPRENTISSAGE' as const, startDate: '1990-01-01', endDate: '1990-12-31' } };
    const ev = referenceEvaluate(cand, vac, { referential: ref });
    checkEmployerView(ev, cand, vac, { categories: undefined, status: 'salarie', birthYear: 1940, restrictions: undefined });
    if (vac.structure.status !== 'public') expect(explain(ev, cand, vac, 'employer').aids.map((a) => a.code)).toContain('APPRENTISSAGE');
  });

  it('the leak detector does see what the advisor view shows', () => {
    // Guards the properties above against a detector that finds nothing at all.
    const [c, v] = fc.sample(records, { numRuns: 1, seed: 7 })[0];
    const withAll = { ...c, categories: ['RQTH' as const], restrictions: ['no_heavy_lifting'], status: 'demandeur_emploi' as const };
    const ev: PairEvaluation = {
      eligible: false,
      blockers: ['work_authorization', 'restriction'],
      criteria: CRITERION_CODES.map((code) => ({ code, value: 1, weight: 1, points: 1 })),
      bonus: { points: 3, weight: 3, categories: ['RQTH'] },
      score: 7,
      commute: { km: 1, minutes: 2, mode: 'car' },
      unliftedDemands: ['heavy_lifting'],
    };
    const advisor = explain(ev, withAll, { ...v, structure: { ...v.structure, status: 'prive_lucratif' } }, 'advisor');
    expect(leaks(advisor)).toEqual(expect.arrayContaining(['RQTH', 'positive action', '"restriction"', '"work_authorization"', 'agefiph', 'lourdes']));
  });
});

describe('employer view: engine and batch', () => {
  const plain = createEngine({ today: TODAY });
  const withPositiveAction = createEngine({ today: TODAY, positiveAction: { RQTH: 6, QPV: 4, RSA: 3, SENIOR: 2 } });
  const employer = { audience: 'employer' as const };

  it('engine.score: a copy with other protected fields gets the same view, apart from the one bit', () => {
    let bits = 0;
    let flips = 0;
    fc.assert(
      fc.property(territoryCandidate, territoryVacancies(1, 1), otherProtected, fc.boolean(), (c, [v], p, pa) => {
        const engine = pa ? withPositiveAction : plain;
        const a = engine.score(c, v, employer);
        const b = engine.score(copyWith(c, p), v, employer);
        expect(leaks(a)).toEqual([]);
        expectSameApartFromTheBit(a, b);
        if (toDiscuss(a)) bits++;
        if (toDiscuss(a) !== toDiscuss(b)) flips++;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the neutral blocker occurs, and copies do flip it.
    expect(bits).toBeGreaterThan(0);
    expect(flips).toBeGreaterThan(0);
  });

  it('topCandidates and topVacancies: the same lists when the copy keeps the bit for every pair', () => {
    let compared = 0;
    fc.assert(
      fc.property(territoryCandidates(1, 8), territoryVacancies(1, 6), otherProtected, fc.nat(), fc.boolean(), (cs, vs, p, pick, pa) => {
        // With positive action on too: an employer's lists rank by the bonus-free score they show.
        const engine = pa ? withPositiveAction : plain;
        const k = pick % cs.length;
        const copy = copyWith(cs[k], p);
        const bitsKept = vs.every((v) => toDiscuss(engine.score(cs[k], v, employer)) === toDiscuss(engine.score(copy, v, employer)));
        const ci1 = engine.indexCandidates(cs).index;
        const ci2 = engine.indexCandidates(cs.map((c, i) => (i === k ? copy : c))).index;
        const vi = engine.indexVacancies(vs).index;
        const options = { ...employer, limit: 3, nearMisses: 4 };
        for (const v of vs) {
          const [a, b] = [engine.topCandidates(v, ci1, options), engine.topCandidates(v, ci2, options)];
          if (bitsKept) expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          for (const m of [...a.matches, ...a.nearMisses]) expect(leaks(m)).toEqual([]);
          // In the order of the scores the employer reads.
          for (const list of [a.matches, a.nearMisses]) {
            for (let i = 1; i < list.length; i++) {
              if (list[i].blockers.length === list[i - 1].blockers.length) expect(list[i].score).toBeLessThanOrEqual(list[i - 1].score + 1e-9);
            }
          }
        }
        const [a, b] = [engine.topVacancies(cs[k], vi, options), engine.topVacancies(copy, vi, options)];
        if (bitsKept) {
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
          compared++;
        }
      }),
      { numRuns: 80 },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it('near misses count the neutral blocker once: a restriction added to a missing work authorisation changes nothing', () => {
    fc.assert(
      fc.property(territoryCandidates(1, 8), territoryVacancies(1, 4), (cs, vs) => {
        // Every candidate lacks the work authorisation; copies also declare every restriction.
        const unauthorised = cs.map((c) => parseCandidate({ ...c, workAuthorized: false }, { referential: ref }));
        const restricted = unauthorised.map((c) => copyWith(c, { categories: c.categories, status: c.status, birthYear: c.birthYear, restrictions: RESTRICTION_CODES }));
        const i1 = plain.indexCandidates(unauthorised).index;
        const i2 = plain.indexCandidates(restricted).index;
        for (const v of vs) {
          const options = { ...employer, limit: 3, nearMisses: 8 };
          expect(JSON.stringify(plain.topCandidates(v, i2, options))).toBe(JSON.stringify(plain.topCandidates(v, i1, options)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('matchAll for an employer: counts read to_discuss, explain and counts do not depend on the protected fields', async () => {
    await fc.assert(
      fc.asyncProperty(territoryCandidates(1, 10), territoryVacancies(1, 6), otherProtected, fc.nat(), async (cs, vs, p, pick) => {
        const k = pick % cs.length;
        const copy = copyWith(cs[k], p);
        const vi = plain.indexVacancies(vs).index;
        const a = await plain.matchAll(plain.indexCandidates(cs).index, vi, { ...employer, perVacancy: 3 });
        const b = await plain.matchAll(plain.indexCandidates(cs.map((c, i) => (i === k ? copy : c))).index, vi, { ...employer, perVacancy: 3 });
        const advisor = await plain.matchAll(plain.indexCandidates(cs).index, vi, { perVacancy: 3 });
        for (const u of [...a.unmatchedCandidates, ...a.unmatchedVacancies]) {
          expect(Object.keys(u.blockers)).not.toContain('restriction');
          expect(Object.keys(u.blockers)).not.toContain('work_authorization');
        }
        // The neutral count is that of pairs either blocker kept out, never their sum.
        for (const u of advisor.unmatchedCandidates) {
          const mine = a.unmatchedCandidates.find((x) => x.id === u.id)!;
          const pairs = vs.map((v) => plain.score(cs.find((c) => c.id === u.id)!, v).blockers.map((x) => x.code) as string[]);
          const within = Object.values(u.blockers).some((n) => (n ?? 0) > 0);
          expect(mine.blockers.to_discuss ?? 0).toBeLessThanOrEqual(pairs.filter((x) => x.includes('restriction') || x.includes('work_authorization')).length);
          expect(mine.blockers.to_discuss ?? 0).toBeGreaterThanOrEqual(Math.max(u.blockers.restriction ?? 0, u.blockers.work_authorization ?? 0));
          if (!within) expect(mine.blockers).toEqual({});
        }
        for (const v of vs) {
          expectSameApartFromTheBit(a.explain(cs[k].id, v.id), b.explain(cs[k].id, v.id));
          expect(a.explain(cs[k].id, v.id).audience).toBe('employer');
        }
        if (vs.every((v) => toDiscuss(plain.score(cs[k], v, employer)) === toDiscuss(plain.score(copy, v, employer)))) {
          expect(b.unmatchedCandidates).toEqual(a.unmatchedCandidates);
          expect(b.unmatchedVacancies).toEqual(a.unmatchedVacancies);
          expect([...b.matches]).toEqual([...a.matches]);
        }
      }),
      { numRuns: 25 },
    );
  });

  /** What an employer reads of a batch besides explain: lists with scores and ranks, best vacancies, counts. */
  const employerLists = (batch: BatchResult, cs: readonly Candidate[]) => ({
    matches: [...batch.matches],
    bestFor: cs.map((c) => batch.bestFor(c.id)),
    unmatchedCandidates: batch.unmatchedCandidates,
    unmatchedVacancies: batch.unmatchedVacancies,
  });

  it('matchAll for an employer with positive action on: the same lists, scores, ranks, bestFor and counts for a copy', async () => {
    let compared = 0;
    let reordered = 0;
    await fc.assert(
      fc.asyncProperty(territoryCandidates(2, 10), territoryVacancies(1, 6), otherProtected, fc.nat(), async (cs, vs, p, pick) => {
        const engine = withPositiveAction;
        const k = pick % cs.length;
        const copy = copyWith(cs[k], p);
        const others = cs.map((c, i) => (i === k ? copy : c));
        const vi = engine.indexVacancies(vs).index;
        const options = { ...employer, perVacancy: 2, perCandidate: 2 };
        const a = await engine.matchAll(engine.indexCandidates(cs).index, vi, options);
        const b = await engine.matchAll(engine.indexCandidates(others).index, vi, options);
        // The scores shown are the employer's, bonus-free.
        for (const m of a.matches) expect(m.score).toBeCloseTo(a.explain(m.candidateId, m.vacancyId).score, 9);
        // Only the one bit may tell the copies apart (a restriction can change eligibility).
        if (vs.some((v) => toDiscuss(engine.score(cs[k], v, employer)) !== toDiscuss(engine.score(copy, v, employer)))) return;
        expect(employerLists(b, others)).toEqual(employerLists(a, cs));
        compared++;
        // Not vacuous: the advisor's lists (with the bonus) do tell these copies apart.
        const advisorOptions = { perVacancy: 2, perCandidate: 2 };
        const [x, y] = [await engine.matchAll(cs, vs, advisorOptions), await engine.matchAll(others, vs, advisorOptions)];
        if (JSON.stringify(employerLists(x, cs)) !== JSON.stringify(employerLists(y, others))) reordered++;
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(10);
    expect(reordered).toBeGreaterThan(0);
  });

  it('matchAll for an employer with positive action on, in worker threads: the same as on one thread, for a copy too', async () => {
    // A territory where a category moves a candidate in the advisor's lists.
    const sample = fc.sample(fc.tuple(territoryCandidates(6, 10), territoryVacancies(3, 6)), { numRuns: 40, seed: 5 });
    const options = { perVacancy: 2, perCandidate: 2 };
    const strip = (c: Candidate) => copyWith(c, { categories: undefined, status: c.status, birthYear: c.birthYear, restrictions: c.restrictions });
    let found: [Candidate[], Vacancy[]] | undefined;
    for (const [cs, vs] of sample) {
      const advisor = [await withPositiveAction.matchAll(cs, vs, options), await withPositiveAction.matchAll(cs.map(strip), vs, options)];
      if (JSON.stringify(employerLists(advisor[0], cs)) !== JSON.stringify(employerLists(advisor[1], cs))) { found = [cs, vs]; break; }
    }
    expect(found).toBeDefined();
    const [cs, vs] = found!;
    const stripped = cs.map(strip);
    const oneThread = await withPositiveAction.matchAll(cs, vs, { ...options, ...employer });
    const employerEngine = createEngine({ today: TODAY, audience: 'employer', positiveAction: { RQTH: 6, QPV: 4, RSA: 3, SENIOR: 2 } });
    // Worker threads start slowly: one batch in them, the engine-audience one on this thread.
    expect(employerLists(await withPositiveAction.matchAll(stripped, vs, { ...options, ...employer, workers: 2 }), stripped)).toEqual(employerLists(oneThread, cs));
    expect(employerLists(await employerEngine.matchAll(stripped, vs, options), stripped)).toEqual(employerLists(oneThread, cs));
  });

  it('an engine whose audience is employer counts to_discuss too; the advisor keeps restriction and work_authorization', async () => {
    const c = parseCandidate({
      id: 'c1', home: { lat: 48.43, lon: 0.09 }, mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
      availableFrom: '2026-01-05', desiredJobs: ['K1302'], qualifications: [], experience: [], skills: [], frenchLevel: 'B2',
      schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 }, contracts: ['CDI'],
      restrictions: ['no_heavy_lifting'], workAuthorized: false,
    }, { referential: ref });
    const v = VacancySchema.parse({
      id: 'v1', employerId: 'e1', structure: { kind: 'SAD', public: 'personnes_agees', status: 'prive_non_lucratif' }, job: { rome: 'K1302' },
      site: { lat: 48.45, lon: 0.1 }, contract: { type: 'CDI', weeklyHours: 30, startDate: '2026-01-05' },
      schedule: { nights: false, weekends: false, splitShifts: false }, physicalDemands: ['heavy_lifting'],
    });
    const employerEngine = createEngine({ today: TODAY, audience: 'employer' });
    const byEngine = await employerEngine.matchAll([c], [v]);
    const byOption = await plain.matchAll([c], [v], employer);
    const inWorkers = await plain.matchAll([c], [v], { ...employer, workers: 2 });
    const advisor = await plain.matchAll([c], [v]);
    expect(advisor.unmatchedCandidates).toEqual([{ id: 'c1', blockers: { work_authorization: 1, restriction: 1 } }]);
    for (const batch of [byEngine, byOption, inWorkers]) {
      expect(batch.unmatchedCandidates).toEqual([{ id: 'c1', blockers: { to_discuss: 1 } }]);
      expect(batch.unmatchedVacancies).toEqual([{ id: 'v1', blockers: { to_discuss: 1 } }]);
      expect(batch.explain('c1', 'v1').blockers).toEqual([{ code: 'to_discuss', message: TO_DISCUSS_MESSAGE }]);
    }
    expect(advisor.explain('c1', 'v1').blockers.map((b) => b.code)).toEqual(['work_authorization', 'restriction']);
  });
});
