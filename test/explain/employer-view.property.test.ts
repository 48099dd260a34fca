/**
 * The employer view (GDPR art. 9, anti-discrimination): for random valid records and random or
 * reference evaluations, its JSON never contains a category code, a restriction code, the words of
 * their labels, a status, or the positive action; and it does not change when the candidate's
 * categories and restrictions are removed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validCandidate, validVacancy } from '../arbitraries.js';
import { referenceEvaluate } from '../../bench/reference.js';
import { CandidateSchema, VacancySchema, Category, type Candidate, type Vacancy } from '../../src/schema/index.js';
import { BLOCKER_CODES, CRITERION_CODES } from '../../src/scoring/model.js';
import type { Match, PairEvaluation } from '../../src/scoring/types.js';
import { EMPLOYER_RESTRICTION_MESSAGE } from '../../src/explain/index.js';
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
    // Statuses, the disability funds and the bonus.
    'demandeur', 'demandeuse', 'salarié', 'inactif', 'étudiant', 'agefiph', 'fiphfp', 'bonus', 'restriction', 'naissance',
    'handicapé', 'handicapée', 'lève',
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

/**
 * What the view leaks. The blocker code `restriction` is part of the output contract
 * (BLOCKER_CODES) and stays; the word must not appear in the text.
 */
function leaks(m: Match): string[] {
  const json = JSON.stringify(m);
  const found: string[] = [];
  for (const code of CATEGORY_CODES) if (new RegExp(`\\b${code}\\b`).test(json)) found.push(code);
  for (const code of RESTRICTION_CODES) if (json.includes(code)) found.push(code);
  const text = texts(m);
  const tokens = new Set(text.toLowerCase().split(/[^a-zà-ÿœæ]+/));
  for (const w of FORBIDDEN_WORDS) if (tokens.has(w)) found.push(w);
  if (/action positive|positive_action/i.test(json)) found.push('positive action');
  return found;
}

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

function checkEmployerView(ev: PairEvaluation, c: Candidate, v: Vacancy) {
  const m = explain(ev, c, v, 'employer');
  const json = JSON.stringify(m);
  expect(leaks(m)).toEqual([]);
  expect(m.criteria.map((k) => k.code)).toEqual([...CRITERION_CODES]);
  expect(m.score).toBe(m.criteria.reduce((s, k) => s + k.points, 0));
  expect(m.blockers.map((b) => b.code)).toEqual(ev.blockers);
  for (const b of m.blockers) if (b.code === 'restriction') expect(b).toEqual({ code: 'restriction', message: EMPLOYER_RESTRICTION_MESSAGE });
  // Removing categories and restrictions changes nothing an employer sees.
  const bare = { ...c, categories: undefined, restrictions: undefined };
  expect(JSON.stringify(explain(ev, bare, v, 'employer'))).toBe(json);
}

describe('employer view', () => {
  it('never reveals categories, restrictions, statuses or the bonus (random evaluations)', () => {
    fc.assert(fc.property(records, randomEvaluation, ([c, v], ev) => checkEmployerView(ev, c, v)), { numRuns: 400 });
  });

  it('never reveals categories, restrictions, statuses or the bonus (reference evaluations)', () => {
    fc.assert(
      fc.property(records, positiveAction, ([c, v], pa) => {
        checkEmployerView(referenceEvaluate(c, v, { referential: ref, positiveAction: pa }), c, v);
      }),
      { numRuns: 400 },
    );
  });

  it('an apprenticeship the age may still allow shows the same aid with or without RQTH (CI counterexample)', () => {
    // Born 1960, contract starting in 1990: 29 or 30 depending on the birthday, so the age limit
    // is to be checked. RQTH lifts the limit; that must not make the aid vanish for the employer.
    const [c, v] = fc.sample(records, { numRuns: 1, seed: 11 })[0];
    // Available before the contract starts: the hire (when aids are decided) is on its start date.
    const cand = { ...c, birthYear: 1960, availableFrom: '1989-06-01', categories: ['RQTH' as const] };
    const vac = { ...v, contract: { ...v.contract, type: 'APPRENTISSAGE' as const, startDate: '1990-01-01', endDate: '1990-12-31' } };
    const ev = referenceEvaluate(cand, vac, { referential: ref });
    checkEmployerView(ev, cand, vac);
    expect(explain(ev, cand, vac, 'employer').aids.map((a) => a.code)).toContain('APPRENTISSAGE');
  });

  it('the leak detector does see what the advisor view shows', () => {
    // Guards the property above against a detector that finds nothing at all.
    const [c, v] = fc.sample(records, { numRuns: 1, seed: 7 })[0];
    const withAll = { ...c, categories: ['RQTH' as const], restrictions: ['no_heavy_lifting'], status: 'demandeur_emploi' as const };
    const ev: PairEvaluation = {
      eligible: false,
      blockers: ['restriction'],
      criteria: CRITERION_CODES.map((code) => ({ code, value: 1, weight: 1, points: 1 })),
      bonus: { points: 3, weight: 3, categories: ['RQTH'] },
      score: 7,
      commute: { km: 1, minutes: 2, mode: 'car' },
      unliftedDemands: ['heavy_lifting'],
    };
    const advisor = explain(ev, withAll, { ...v, structure: { ...v.structure, status: 'prive_lucratif' } }, 'advisor');
    expect(leaks(advisor)).toEqual(expect.arrayContaining(['RQTH', 'positive action', 'restriction', 'agefiph', 'lourdes']));
  });
});
