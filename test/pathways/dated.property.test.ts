/**
 * "Decided at the step's date" (issue 11): age, status and category rules of work-study contracts
 * and of the CEJ hold on the day each step starts, whatever the candidate's availability. An oracle
 * written from REFERENCE.md §4 (apprenticeship 16–29 révolus, no limit with an RQTH; contrat pro
 * 16–25, job seekers and RSA/ASS/AAH at any age; CEJ 16–25, under 30 with an RQTH) is checked on
 * every returned step, before and after shifting the availability.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendPathways, type Pathway, type PathwayStep } from '../../src/pathways/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import { CandidateSchema, type Candidate } from '../../src/schema/candidate.js';
import { categoriesInForce } from '../../src/schema/categories.js';
import { Status } from '../../src/schema/primitives.js';
import { candidate as baseCandidate, TODAY } from './fixtures.js';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
const dateIn = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((d) => shift(from, d));

/** Categories the age and status rules read, plain or dated around the next three years. */
const datedCategories = fc.uniqueArray(fc.constantFrom('RQTH', 'RSA', 'ASS', 'AAH', 'DELD'), { maxLength: 3 }).chain((codes) =>
  fc.tuple(...codes.map((code) => fc.oneof(
    fc.constant(code),
    fc.record({ since: dateIn('2025-01-01', 1800), until: dateIn('2025-06-01', 1800) }, { requiredKeys: [] })
      .map(({ since, until }) => (since !== undefined && until !== undefined && since > until ? { code, since: until, until: since } : { code, since, until }))
      .map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined))),
  ))),
);

const scenario = fc.record({
  birthYear: fc.option(fc.integer({ min: 1985, max: 2010 }), { freq: 8 }),
  status: fc.option(fc.constantFrom(...Status.options), { freq: 4 }),
  categories: datedCategories,
  frenchLevel: fc.constantFrom('A1', 'A2', 'B1', 'B2', 'native'),
  availableFrom: dateIn('2026-11-01', 900),
  later: fc.integer({ min: 1, max: 900 }),
  target: fc.constantFrom('J1501', 'K1302', 'K1301'),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function candidateOf(x: Scenario, availableFrom: string): Candidate {
  return CandidateSchema.parse({
    ...baseCandidate(),
    birthYear: x.birthYear ?? undefined,
    status: x.status ?? undefined,
    categories: x.categories,
    frenchLevel: x.frenchLevel,
    availableFrom,
    experience: [],
  });
}

/** Ages a person born in `birthYear` may have on `date`: before and after the birthday. */
function ages(c: Candidate, date: string): { min: number; max: number } | undefined {
  if (c.birthYear === undefined) return undefined;
  const year = Number(date.slice(0, 4));
  return { min: year - c.birthYear - 1, max: year - c.birthYear };
}

/** The oracle: may this step's contract or scheme be open on its own start date? */
function mayOpen(c: Candidate, s: PathwayStep, code: string): boolean {
  const age = ages(c, s.startDate);
  const cats = categoriesInForce(c.categories, s.startDate);
  switch (code) {
    case 'APPRENTISSAGE':
      return cats.includes('RQTH') || age === undefined || (age.max >= 16 && age.min <= 29);
    case 'PROFESSIONNALISATION':
      return c.status === 'demandeur_emploi' || ['RSA', 'ASS', 'AAH'].some((k) => cats.includes(k as never))
        || age === undefined || (age.max >= 16 && age.min <= 25);
    case 'CEJ':
      return (c.status === undefined || c.status === 'demandeur_emploi' || c.status === 'inactif')
        && (age === undefined || (age.max >= 16 && age.min <= (cats.includes('RQTH') ? 29 : 25)));
    default:
      return true;
  }
}

function checkSteps(c: Candidate, ps: Pathway[]): void {
  for (const p of ps) {
    for (const s of p.steps) {
      for (const f of s.funding) {
        if (f.applies) expect(mayOpen(c, s, f.code), `${f.code} on ${s.code} from ${s.startDate}, born ${c.birthYear}`).toBe(true);
      }
      if (s.kind === 'apprenticeship' || s.kind === 'professionalisation') {
        // The route exists only because its contract is open on that day, and costs nothing.
        expect(s.funding.some((f) => f.applies && f.code !== 'AUTOFINANCEMENT')).toBe(true);
        expect(s.cost).toBe(0);
      }
    }
  }
}

describe('rules decided at the step’s date', () => {
  it('no age-, status- or category-bound scheme applies to a step whose start date closes it, before or after shifting the availability', () => {
    fc.assert(fc.property(scenario, (x) => {
      const run = (c: Candidate) => recommendPathways(c, { target: x.target, today: TODAY, limit: 50 }, { referential: defaultReferential });
      const now = candidateOf(x, x.availableFrom);
      checkSteps(now, run(now));
      const later = candidateOf(x, shift(x.availableFrom, x.later));
      checkSteps(later, run(later));
    }), { numRuns: 300 });
  });

  it('shifting the availability never opens an apprenticeship that the new start date closes (oracle on the route itself)', () => {
    fc.assert(fc.property(scenario, (x) => {
      const later = candidateOf(x, shift(x.availableFrom, x.later));
      const ps = recommendPathways(later, { target: x.target, today: TODAY, limit: 50 }, { referential: defaultReferential });
      for (const p of ps) {
        const appr = p.steps.find((s) => s.kind === 'apprenticeship');
        if (appr) expect(mayOpen(later, appr, 'APPRENTISSAGE')).toBe(true);
        const pro = p.steps.find((s) => s.kind === 'professionalisation');
        if (pro) expect(mayOpen(later, pro, 'PROFESSIONNALISATION')).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
