/**
 * auditFairness on hand-built results of each shape MODEL.md defines (batch, allocation, spread,
 * schedule), rows computed by hand; the 4/5 rule; blockers with their lifts; employers' exposure;
 * and properties: the audit changes no score and no input, and `all` ignores categories.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditFairness, type BatchLike, type AllocationLike, type SpreadLike, type ScheduleLike } from '../../src/audit/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { PasserelleInputError } from '../../src/errors.js';
import { formatPercent } from '../../src/format/french.js';
import { candidates as candidateArb, vacancies as vacancyArb } from '../engine/territory.js';

const versions = { engine: 'test', referential: 'test', rome: 'v3' as const };

/** c1 RQTH, c2 RQTH+RSA (dated), c3 c4 none: eligible; c5 RSA, c6 RQTH, c7 none: no eligible vacancy. */
const people = [
  { id: 'c1', categories: ['RQTH'] },
  { id: 'c2', categories: [{ code: 'RQTH', until: '2027-01-01' }, 'RSA'] },
  { id: 'c3' },
  { id: 'c4', categories: [] },
  { id: 'c5', categories: ['RSA'] },
  { id: 'c6', categories: ['RQTH'] },
  { id: 'c7' },
];
const vacancyRecords = [
  { id: 'v1', employerId: 'e1', openings: 2 },
  { id: 'v2', employerId: 'e2' },
  { id: 'v3', employerId: 'e2' },
  { id: 'v4', employerId: 'e3' },
];

function batchOf(matches: { candidateId: string; vacancyId: string; score: number }[]): BatchLike {
  return {
    matches,
    unmatchedCandidates: [
      { id: 'c5', blockers: { driving_licence: 2 } },
      { id: 'c6', blockers: { driving_licence: 3, restriction: 1 } },
      { id: 'c7', blockers: {} },
    ],
    candidateIds: () => people.map((p) => p.id),
    vacancyIds: () => vacancyRecords.map((v) => v.id),
    vacancy: (id) => vacancyRecords.find((v) => v.id === id),
    versions,
  };
}
const batch = batchOf([
  { candidateId: 'c1', vacancyId: 'v1', score: 80 },
  { candidateId: 'c3', vacancyId: 'v1', score: 70 },
  { candidateId: 'c3', vacancyId: 'v2', score: 75 },
  { candidateId: 'c4', vacancyId: 'v2', score: 60 },
]);

const row = (a: ReturnType<typeof auditFairness>, g: string) => a.groups.find((r) => r.group === g)!;

describe('auditFairness on a batch', () => {
  const a = auditFairness(batch, people);

  it('rows: candidates, eligible (matched), selected (in a shortlist), rate, by hand', () => {
    expect(a.kind).toBe('batch');
    expect(a.groups.map((r) => r.group)).toEqual(['RSA', 'RQTH', 'none', 'all']);
    expect(row(a, 'RSA')).toMatchObject({ candidates: 2, eligible: 1, selected: 0, rate: 0 });
    expect(row(a, 'RQTH')).toMatchObject({ candidates: 3, eligible: 2, selected: 1, rate: 0.5 });
    expect(row(a, 'none')).toMatchObject({ candidates: 3, eligible: 2, selected: 2, rate: 1 });
    expect(row(a, 'all')).toMatchObject({ candidates: 7, eligible: 4, selected: 3, rate: 0.75 });
    // No group has 10 eligible: no reference rate, nothing compared, nothing flagged.
    for (const r of a.groups) expect(r).toMatchObject({ impactRatio: null, flagged: false });
    expect(a.unknownCandidates).toBe(0);
    expect(a.versions).toBe(versions);
  });

  it('blockers: per group, how many ineligible candidates each blocker kept out, with lifts and the aids a category opens', () => {
    const b = a.blockers.map(({ group, code, count }) => [group, code, count]);
    expect(b).toEqual([
      ['RSA', 'driving_licence', 1],
      ['RQTH', 'driving_licence', 1], ['RQTH', 'restriction', 1],
      ['none', 'nothing_in_reach', 1],
      ['all', 'driving_licence', 2], ['all', 'nothing_in_reach', 1], ['all', 'restriction', 1],
    ]);
    const rqthLicence = a.blockers.find((x) => x.group === 'RQTH' && x.code === 'driving_licence')!;
    expect(rqthLicence.lift?.code).toBe('PERMIS_B');
    expect(rqthLicence.lift?.aids.map((x) => x.code)).toEqual(['AGEFIPH_PERMIS']);
    const rqthRestriction = a.blockers.find((x) => x.group === 'RQTH' && x.code === 'restriction')!;
    expect(rqthRestriction.lift?.aids.map((x) => x.code)).toEqual(['AGEFIPH_ADAPTATION', 'FIPHFP']);
    // RSA opens no licence aid; `all` names none; nothing lifts "nothing in reach".
    expect(a.blockers.find((x) => x.group === 'RSA')!.lift?.aids).toEqual([]);
    expect(a.blockers.find((x) => x.group === 'all' && x.code === 'driving_licence')!.lift?.aids).toEqual([]);
    expect(a.blockers.find((x) => x.code === 'nothing_in_reach')!.lift).toBeUndefined();
  });

  it('employers: exposure = shortlist places of their vacancies, per opening, under-served below half the median', () => {
    expect(a.employers).toEqual([
      { employerId: 'e1', openings: 2, exposure: 2, perOpening: 1, underServed: false },
      { employerId: 'e2', openings: 2, exposure: 2, perOpening: 1, underServed: false },
      { employerId: 'e3', openings: 1, exposure: 0, perOpening: 0, underServed: true },
    ]);
  });

  it('text: French, labels and figures, no code inside a sentence', () => {
    expect(a.text).toMatch(/^Audit d’équité/);
    expect(a.text).toContain('Bénéficiaire du RSA : 2 personnes, 1 éligible, 0 sélectionnée');
    expect(a.text).toContain(`taux ${formatPercent(0.5)}`);
    expect(a.text).toContain('Aide Agefiph au permis de conduire');
    expect(a.text).toContain('aucun public ne compte 10 personnes éligibles');
    expect(a.text).toContain('1 employeur est sous la moitié de la médiane');
    for (const code of ['driving_licence', 'nothing_in_reach', 'PERMIS_B', 'AGEFIPH', 'restriction', 'none', 'e3']) {
      expect(a.text).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
  });

  it('a batch listing an id twice counts it once', () => {
    const twice = { ...batch, candidateIds: () => ['c1', ...people.map((p) => p.id)] };
    expect(row(auditFairness(twice, people), 'all')).toMatchObject({ candidates: 7, eligible: 4, selected: 3 });
  });

  it('reads candidates from an index (get) as from records; unknown ones count in all only', () => {
    const index = new Map(people.filter((p) => p.id !== 'c3').map((p) => [p.id, p]));
    const b = auditFairness(batch, index);
    expect(b.unknownCandidates).toBe(1);
    expect(row(b, 'all')).toMatchObject({ candidates: 7, eligible: 4, selected: 3 });
    expect(row(b, 'none')).toMatchObject({ candidates: 2, eligible: 1, selected: 1 });
  });
});

describe('the 4/5 rule', () => {
  // RSA: 10 eligible, 4 selected; none: 20 eligible, 12 selected; RQTH: 9 eligible, 0 selected.
  const recs: { id: string; categories?: string[] }[] = [];
  const matches: { candidateId: string; vacancyId: string; score: number }[] = [];
  const add = (prefix: string, n: number, selected: number, categories?: string[]) => {
    for (let i = 0; i < n; i++) {
      const id = `${prefix}${String(i).padStart(2, '0')}`;
      recs.push(categories ? { id, categories } : { id });
      if (i < selected) matches.push({ candidateId: id, vacancyId: 'v1', score: 50 });
    }
  };
  add('a', 10, 4, ['RSA']);
  add('b', 20, 12);
  add('c', 9, 0, ['RQTH']);
  const b: BatchLike = {
    matches, unmatchedCandidates: [], candidateIds: () => recs.map((r) => r.id), vacancyIds: () => ['v1'],
    vacancy: () => ({ id: 'v1', employerId: 'e1', openings: 16 }),
  };
  const a = auditFairness(b, recs);

  it('impact ratio against the best rate among rows with ≥ 10 eligible; flagged below 0.8 on those rows only, never on all', () => {
    expect(row(a, 'RSA')).toMatchObject({ rate: 0.4, flagged: true });
    expect(row(a, 'RSA').impactRatio).toBeCloseTo(0.4 / 0.6, 12);
    expect(row(a, 'none')).toMatchObject({ rate: 0.6, impactRatio: 1, flagged: false });
    // 9 eligible: compared (ratio 0) but never flagged.
    expect(row(a, 'RQTH')).toMatchObject({ eligible: 9, rate: 0, impactRatio: 0, flagged: false });
    expect(row(a, 'all').rate).toBeCloseTo(16 / 39, 12);
    expect(row(a, 'all').flagged).toBe(false);
    expect(a.text).toContain('1 écart signalé');
    expect(a.text).toContain('ratio 0,67');
  });
});

describe('auditFairness on allocations, spreads and schedules', () => {
  const allocation: AllocationLike = {
    method: 'optimal',
    assignments: [{ candidateId: 'c1', vacancyId: 'v1', score: 80 }, { candidateId: 'c3', vacancyId: 'v2', score: 75 }],
    unassignedCandidates: [{ id: 'c2', reason: 'outcompeted' }, { id: 'c5', reason: 'no_eligible_vacancy' }],
    unfilledVacancies: [{ id: 'v1', open: 1, reason: 'no_candidate' }, { id: 'v3', open: 1, reason: 'no_candidate' }],
  };
  const spread: SpreadLike = {
    lists: [{ candidateId: 'c1', vacancyIds: ['v1'] }, { candidateId: 'c2', vacancyIds: [] }, { candidateId: 'c3', vacancyIds: ['v2', 'v1'] }],
    exposure: [
      { vacancyId: 'v1', recommended: 2, openings: 2 }, { vacancyId: 'v2', recommended: 1, openings: 1 },
      { vacancyId: 'v3', recommended: 0, openings: 1 }, { vacancyId: 'v4', recommended: 0, openings: 1 },
    ],
    metrics: { coverage: 0.5, gini: 0.5, meanScore: 70 },
  };
  const schedule: ScheduleLike = {
    interviews: [
      { candidateId: 'c1', employerId: 'e1', vacancyId: 'v1', slotId: 's1', score: 80 },
      { candidateId: 'c3', employerId: 'e2', vacancyId: 'v2', slotId: 's1', score: 75 },
      { candidateId: 'c3', employerId: 'e1', vacancyId: 'v1', slotId: 's2', score: 70 },
    ],
    unscheduled: [{ id: 'c2', reason: 'no_slot' }, { id: 'c5', reason: 'no_eligible_employer' }, { id: 'e3', reason: 'no_candidate' }],
  };

  it('allocation: selected = assigned; eligible = not unassigned for no_eligible_vacancy; employers from vacancies', () => {
    const a = auditFairness(allocation, people, { vacancies: vacancyRecords });
    expect(a.kind).toBe('allocation');
    expect(row(a, 'all')).toMatchObject({ candidates: 4, eligible: 3, selected: 2 });
    expect(row(a, 'RQTH')).toMatchObject({ candidates: 2, eligible: 2, selected: 1 });
    expect(row(a, 'RSA')).toMatchObject({ candidates: 2, eligible: 1, selected: 0 });
    expect(a.blockers).toEqual([]);
    expect(a.employers.map((e) => [e.employerId, e.openings, e.exposure])).toEqual([['e1', 2, 1], ['e2', 2, 1], ['e3', 1, 0]]);
    expect(a.text).toContain('Freins : non calculés');
  });

  it('allocation with its batch: eligibility and blockers as the batch says', () => {
    const a = auditFairness(allocation, people, { batch });
    expect(row(a, 'all')).toMatchObject({ candidates: 7, eligible: 4, selected: 2 });
    expect(a.blockers.filter((x) => x.group === 'all').map((x) => x.code)).toEqual(['driving_licence', 'nothing_in_reach', 'restriction']);
  });

  it('spread: selected = a non-empty list; exposure and openings from the spread, employers from an index', () => {
    const index = new Map(vacancyRecords.map((v) => [v.id, v]));
    const a = auditFairness(spread, people, { vacancies: index });
    expect(row(a, 'all')).toMatchObject({ candidates: 3, eligible: 3, selected: 2 });
    expect(a.employers).toEqual([
      { employerId: 'e1', openings: 2, exposure: 2, perOpening: 1, underServed: false },
      { employerId: 'e2', openings: 2, exposure: 1, perOpening: 0.5, underServed: false },
      { employerId: 'e3', openings: 1, exposure: 0, perOpening: 0, underServed: true },
    ]);
  });

  it('schedule: selected = interviewed; ids not among candidates (employers) left out; no_eligible… reasons ineligible', () => {
    const a = auditFairness(schedule, people, { vacancies: vacancyRecords });
    expect(row(a, 'all')).toMatchObject({ candidates: 4, eligible: 3, selected: 2 });
    expect(a.employers.find((e) => e.employerId === 'e1')).toMatchObject({ exposure: 2, perOpening: 1 });
  });

  it('without vacancies, employers are not computed and the text says so', () => {
    const a = auditFairness(schedule, people);
    expect(a.employers).toEqual([]);
    expect(a.text).toContain('exposition non calculée');
  });

  it('bad input: an unknown result, bad candidates or options are PasserelleInputError naming the argument', () => {
    const err = (f: () => unknown) => { try { f(); } catch (e) { return e; } return undefined; };
    const e1 = err(() => auditFairness({ foo: 1 } as never, people)) as PasserelleInputError;
    expect(e1).toBeInstanceOf(PasserelleInputError);
    expect(e1.issues[0].path).toBe('result');
    const e2 = err(() => auditFairness(batch, [{ id: 3 }] as never)) as PasserelleInputError;
    expect(e2.issues[0].path).toBe('candidates[0].id');
    const e3 = err(() => auditFairness(batch, people, { vacancies: 3 } as never)) as PasserelleInputError;
    expect(e3.issues[0].path).toBe('vacancies');
    const e5 = err(() => auditFairness(allocation, people, { vacancies: [{ id: 'v1' }] } as never)) as PasserelleInputError;
    expect(e5.issues[0].path).toBe('vacancies[0].employerId');
    const e4 = err(() => auditFairness(batch, people, { extra: 1 } as never)) as PasserelleInputError;
    expect(e4.issues[0].code).toBe('unrecognized_keys');
  });
});

describe('properties', () => {
  const CATS = ['RSA', 'RQTH', 'DELD', 'JEUNE', 'QPV', 'BPI', 'SENIOR'] as const;
  const categoriesArb = fc.subarray([...CATS]);

  it('an audit never changes a score: shortlists, scores and explanations identical before and after', async () => {
    await fc.assert(
      fc.asyncProperty(candidateArb(1, 20), vacancyArb(1, 8), fc.array(categoriesArb, { minLength: 20, maxLength: 20 }), async (cs, vs, cats) => {
        const engine = createEngine({ today: '2026-01-15' });
        const recs = cs.map((c, i) => ({ ...c, categories: cats[i] }));
        const { index } = engine.indexCandidates(recs);
        const b = await engine.matchAll(index, engine.indexVacancies(vs).index, { perVacancy: 3 });
        const before = [...b.matches];
        const explained = before.map((m) => b.explain(m.candidateId, m.vacancyId).score);
        const a = auditFairness(b, index);
        expect([...b.matches]).toEqual(before);
        expect(before.map((m) => b.explain(m.candidateId, m.vacancyId).score)).toEqual(explained);
        expect(a.groups.find((g) => g.group === 'all')!.candidates).toBe(b.candidateIds().length);
      }),
      { numRuns: 25 },
    );
  });

  it('inputs are left unchanged, and the all row does not depend on categories', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(categoriesArb, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 40 }), fc.array(categoriesArb, { minLength: 40, maxLength: 40 }), (specs, other) => {
        const recs = specs.map(([categories], i) => ({ id: `c${String(i).padStart(2, '0')}`, categories }));
        const alloc: AllocationLike = {
          method: 'stable',
          assignments: specs.flatMap(([, , sel], i) => (sel && specs[i][1] ? [{ candidateId: recs[i].id, vacancyId: 'v1', score: 1 }] : [])),
          unassignedCandidates: specs.flatMap(([, elig, sel], i) => (elig && sel ? [] : [{ id: recs[i].id, reason: elig ? 'outcompeted' : 'no_eligible_vacancy' }])),
          unfilledVacancies: [],
        };
        const copy = structuredClone({ recs, alloc });
        const a = auditFairness(alloc, recs, { vacancies: [{ id: 'v1', employerId: 'e1', openings: 3 }] });
        expect({ recs, alloc }).toEqual(copy);
        const relabelled = recs.map((r, i) => ({ ...r, categories: other[i] }));
        const b = auditFairness(alloc, relabelled, { vacancies: [{ id: 'v1', employerId: 'e1', openings: 3 }] });
        expect(b.groups.at(-1)).toEqual(a.groups.at(-1));
        // Each category row counts exactly the candidates holding it.
        for (const g of a.groups) {
          if (g.group === 'all' || g.group === 'none') continue;
          expect(g.candidates).toBe(recs.filter((r) => r.categories.includes(g.group as never)).length);
        }
        expect(b.employers).toEqual(a.employers);
      }),
      { numRuns: 200 },
    );
  });
});

describe('oracle', () => {
  const CATS = ['RSA', 'RQTH', 'DELD', 'JEUNE'] as const;
  const BLOCKERS = ['commute', 'driving_licence', 'restriction'] as const;
  const candidateSpec = fc.record({
    categories: fc.subarray([...CATS]),
    state: fc.constantFrom('selected', 'eligible', 'unmatched'),
    blockers: fc.subarray([...BLOCKERS]),
    vacancy: fc.integer({ min: 0, max: 5 }),
  });

  it('rows, blockers and employers equal a plain recount over random batches', () => {
    fc.assert(fc.property(fc.array(candidateSpec, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }), (specs, openings) => {
      const recs = specs.map((s, i) => ({ id: `c${String(i).padStart(2, '0')}`, categories: [...s.categories] }));
      const vacs = openings.map((o, j) => ({ id: `v${j}`, employerId: `e${j % 4}`, openings: o }));
      const matches = specs.flatMap((s, i) => (s.state === 'selected' ? [{ candidateId: recs[i].id, vacancyId: `v${s.vacancy}`, score: 50 }] : []))
        .sort((a, b) => (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0));
      const b: BatchLike = {
        matches,
        unmatchedCandidates: specs.flatMap((s, i) => (s.state === 'unmatched' ? [{ id: recs[i].id, blockers: Object.fromEntries(s.blockers.map((x) => [x, 2])) }] : [])),
        candidateIds: () => recs.map((r) => r.id),
        vacancyIds: () => vacs.map((v) => v.id),
        vacancy: (id) => vacs.find((v) => v.id === id),
      };
      const a = auditFairness(b, recs);
      const members = (g: string) => specs.filter((s) => (g === 'all' ? true : g === 'none' ? s.categories.length === 0 : s.categories.includes(g as never)));
      const rates: Record<string, number | null> = {};
      for (const g of a.groups) {
        const m = members(g.group);
        const eligible = m.filter((s) => s.state !== 'unmatched').length;
        const selected = m.filter((s) => s.state === 'selected').length;
        expect([g.candidates, g.eligible, g.selected]).toEqual([m.length, eligible, selected]);
        rates[g.group] = eligible > 0 ? selected / eligible : null;
        for (const code of [...BLOCKERS, 'nothing_in_reach']) {
          const n = m.filter((s) => s.state === 'unmatched' && (code === 'nothing_in_reach' ? s.blockers.length === 0 : s.blockers.includes(code as never))).length;
          expect(a.blockers.find((x) => x.group === g.group && x.code === code)?.count ?? 0).toBe(n);
        }
      }
      const present = [...CATS, 'none', 'all'].filter((g) => members(g).length > 0);
      expect(a.groups.map((g) => g.group)).toEqual(present);
      const big = a.groups.filter((g) => g.group !== 'all' && g.eligible >= 10).map((g) => rates[g.group]!);
      const best = big.length > 0 ? Math.max(...big) : 0;
      for (const g of a.groups) {
        expect(g.impactRatio).toBe(best > 0 && rates[g.group] !== null ? rates[g.group]! / best : null);
        expect(g.flagged).toBe(g.group !== 'all' && g.eligible >= 10 && best > 0 && rates[g.group]! / best < 0.8);
      }
      // Employers: shortlist places over openings; under-served below half the median.
      const per = [0, 1, 2, 3].map((e) => {
        const own = vacs.filter((v) => v.employerId === `e${e}`);
        const exposure = matches.filter((m) => own.some((v) => v.id === m.vacancyId)).length;
        return exposure / own.reduce((s, v) => s + v.openings, 0);
      });
      const sorted = [...per].sort((x, y) => x - y);
      const median = (sorted[1] + sorted[2]) / 2;
      expect(a.employers.map((e) => [e.perOpening, e.underServed])).toEqual(per.map((x) => [x, x < median / 2]));
    }), { numRuns: 300 });
  });

  // The audit tries a record's own position as its slot before a lookup (records usually come in
  // the batch's order): any order, a repeated id in the batch or an index must give the same audit.
  it('the same audit whatever the records\' order, a repeated batch id, or an index in their place', () => {
    fc.assert(fc.property(fc.array(candidateSpec, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (specs, seed, dup) => {
      const recs = specs.map((s, i) => ({ id: `c${String(i).padStart(2, '0')}`, categories: [...s.categories] }));
      const b: BatchLike = {
        matches: specs.flatMap((s, i) => (s.state === 'selected' ? [{ candidateId: recs[i].id, vacancyId: `v${s.vacancy}`, score: 50 }] : [])),
        unmatchedCandidates: specs.flatMap((s, i) => (s.state === 'unmatched' ? [{ id: recs[i].id, blockers: Object.fromEntries(s.blockers.map((x) => [x, 1])) }] : [])),
        candidateIds: () => recs.map((r) => r.id),
        vacancyIds: () => ['v0'],
        vacancy: () => ({ id: 'v0', employerId: 'e0' }),
      };
      const reference = auditFairness(b, new Map(recs.map((r) => [r.id, r])));
      // A rotation and a reversal: positions that match the batch's order only by chance.
      const k = seed % recs.length;
      for (const order of [recs, [...recs.slice(k), ...recs.slice(0, k)], [...recs].reverse()]) {
        expect(auditFairness(b, order)).toEqual(reference);
      }
      const repeated = { ...b, candidateIds: () => { const ids = recs.map((r) => r.id); ids.splice(dup % ids.length, 0, ids[(dup >> 3) % ids.length]); return ids; } };
      expect(auditFairness(repeated, recs)).toEqual(auditFairness(repeated, new Map(recs.map((r) => [r.id, r]))));
    }), { numRuns: 200 });
  });
});
