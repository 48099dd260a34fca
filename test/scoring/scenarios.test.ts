/**
 * Sector scenarios from REFERENCE.md, each run through every evaluator in `evaluators`: the
 * reference of bench/reference.ts and the engine (src/engine) read back as a PairEvaluation.
 */
import { describe, expect, it } from 'vitest';
import {
  CandidateSchema, VacancySchema, type Candidate, type CandidateInput, type Vacancy, type VacancyInput,
} from '../../src/schema/index.js';
import { defaultReferential, type Referential } from '../../src/referential/index.js';
import { CRITERION_CODES, type BlockerCode, type Weights } from '../../src/scoring/model.js';
import type { PairEvaluation } from '../../src/scoring/types.js';
import { referenceEvaluate, type PositiveAction } from '../../bench/reference.js';
import { createCore, type Core } from '../../src/core/core.js';
import { toEvaluation } from '../../src/core/evaluation.js';

interface EvaluateOptions { referential?: Referential; weights?: Partial<Weights>; positiveAction?: PositiveAction }
type Evaluate = (c: Candidate, v: Vacancy, options?: EvaluateOptions) => PairEvaluation;

const engines = new WeakMap<Referential, Map<string, Core>>();
function engineFor(o: EvaluateOptions = {}): Core {
  const referential = o.referential ?? defaultReferential;
  let byOptions = engines.get(referential);
  if (byOptions === undefined) engines.set(referential, (byOptions = new Map()));
  const key = JSON.stringify([o.weights ?? null, o.positiveAction ?? null]);
  let engine = byOptions.get(key);
  if (engine === undefined) {
    engine = createCore({ referential, today: '2026-01-15', weights: o.weights, positiveAction: o.positiveAction });
    byOptions.set(key, engine);
  }
  return engine;
}

/**
 * The engine as a PairEvaluation: eligibility, blocker codes, criteria, commute, score and bonus
 * points read from the advisor Match (`score` there includes the positive-action criterion). The
 * records are already parsed, so this takes engine.score's path after its parse: the referential
 * code check at the edge would refuse the made-up demand code of one scenario. The two facts a
 * Match does not carry (demands met by an unlifted restriction, categories behind the bonus) come
 * from the engine's own evaluation of the pair.
 */
function engineEvaluate(c: Candidate, v: Vacancy, o?: EvaluateOptions): PairEvaluation {
  const engine = engineFor(o);
  const { ctx, options, kernelFor, explain, scratchCandidate, scratchVacancy } = engine;
  const kernel = kernelFor(scratchCandidate(c), scratchVacancy(v));
  const match = explain(0, 0, kernel, c, v, 'advisor');
  const internal = toEvaluation(kernel, kernel.evaluate(0, 0), c, v, options.weights, options, ctx);
  const bonus = match.criteria.find((k) => k.code === 'positive_action');
  return {
    eligible: match.eligible,
    blockers: match.blockers.map((b) => b.code as BlockerCode),
    criteria: match.criteria.flatMap((k) => (k.code === 'positive_action' ? [] : [{ code: k.code, value: k.value, weight: k.weight, points: k.points }])),
    bonus: bonus === undefined ? null : { points: bonus.points, weight: bonus.weight, categories: internal.bonus?.categories ?? [] },
    score: match.score,
    commute: match.commute,
    unliftedDemands: internal.unliftedDemands,
  };
}

const evaluators: [string, Evaluate][] = [
  ['reference', (c, v, o) => referenceEvaluate(c, v, { referential: defaultReferential, ...o })],
  ['engine', engineEvaluate],
];

/** Valence town centre; ~1 km east is still Valence. */
const HOME = { lat: 44.9334, lon: 4.8924 };
const NEAR = { lat: 44.9334, lon: 4.905 };
/** ~20 km north-east (Romans-sur-Isère direction). */
const FAR = { lat: 45.05, lon: 5.08 };

type Patch<T> = (draft: T) => void;

function candidate(patch: Patch<CandidateInput> = () => {}): Candidate {
  const c: CandidateInput = {
    id: 'c1',
    home: HOME,
    mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
    availableFrom: '2026-03-01',
    desiredJobs: [],
    qualifications: [],
    experience: [],
    schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
    contracts: ['CDI', 'CDD'],
  };
  patch(c);
  return CandidateSchema.parse(c);
}

function vacancy(patch: Patch<VacancyInput> = () => {}): Vacancy {
  const v: VacancyInput = {
    id: 'v1',
    employerId: 'e1',
    structure: { kind: 'EHPAD', public: 'personnes_agees' },
    job: { rome: 'J1501' },
    site: NEAR,
    contract: { type: 'CDI', weeklyHours: 35, startDate: '2026-03-01' },
    schedule: { nights: false, weekends: false, splitShifts: false },
  };
  patch(v);
  return VacancySchema.parse(v);
}

const aideSoignant = () => vacancy();

/**
 * A small referential of made-up codes, so the hand-computed numbers below test docs/SCORING.md
 * itself and do not move when the sector data is refined.
 */
const source = { source: 'test fixture', verified: false } as const;
const cert = (code: string, family: string, level: number, kind: 'diploma' | 'prerequisite' = 'diploma') =>
  ({ ...source, code, label: code, aliases: [], kind, vae: false, family, level });
const fixture: Referential = {
  ...defaultReferential,
  jobs: [{
    ...source, rome: 'J1301', label: 'ASH', synonyms: [], sector: 'etablissement', core: false, diploma: 'NONE',
    preferredCertifications: ['TP_ASMS'], relatedJobs: ['K2204', 'K1304'],
  }],
  certifications: [
    cert('X', 'f', 3), cert('Y', 'f', 4), cert('Z', 'g', 3), cert('W', 'g', 4), cert('PRE', 'prerequisite', 3, 'prerequisite'),
  ],
  bridges: [
    { ...source, from: 'Z', to: 'X', grants: [], effect: 'partial_cursus', regime: '2021', historic: false },
    { ...source, from: 'W', to: 'X', grants: [], effect: 'partial_cursus', regime: '2005', historic: true },
  ],
  physicalDemands: [
    { ...source, code: 'transfers', label: 'transferts', restriction: 'no_heavy_lifting', liftedBy: ['lift_equipment'] },
  ],
};

describe.each(evaluators)('scenarios (%s)', (_name, evaluate) => {
  describe('legal diplomas (CSP L4391-1: DEAS for an aide-soignant post)', () => {
    it('a DEAS holder is eligible for J1501', () => {
      const e = evaluate(candidate((c) => { c.qualifications = [{ code: 'DEAS' }]; }), aideSoignant());
      expect(e.blockers).toEqual([]);
      expect(e.eligible).toBe(true);
      expect(e.criteria.find((k) => k.code === 'qualification')?.value).toBe(1);
    });

    it('a DEAES holder is not eligible for J1501', () => {
      const e = evaluate(candidate((c) => { c.qualifications = [{ code: 'DEAES' }]; }), aideSoignant());
      expect(e.eligible).toBe(false);
      expect(e.blockers).toEqual(['legal_certification']);
    });

    it('a DEAP holder is not eligible for J1501 (a DEAP does not qualify)', () => {
      const e = evaluate(candidate((c) => { c.qualifications = [{ code: 'DEAP' }]; }), aideSoignant());
      expect(e.blockers).toEqual(['legal_certification']);
    });

    it('a DEAS with only some blocs validated does not satisfy the legal rule', () => {
      const e = evaluate(candidate((c) => { c.qualifications = [{ code: 'DEAS', blocks: ['DEAS_B1'] }]; }), aideSoignant());
      expect(e.blockers).toEqual(['legal_certification']);
      expect(e.criteria.find((k) => k.code === 'qualification')?.value).toBe(0.6);
    });

    it('a candidate in training toward DEAS is eligible only when the vacancy accepts it', () => {
      const trainee = candidate((c) => { c.inTraining = [{ code: 'DEAS', expectedEnd: '2026-09-30' }]; });
      expect(evaluate(trainee, aideSoignant()).blockers).toEqual(['legal_certification']);
      const accepting = vacancy((v) => { v.acceptsInTraining = true; });
      expect(evaluate(trainee, accepting).eligible).toBe(true);
      expect(evaluate(trainee, accepting).criteria.find((k) => k.code === 'qualification')?.value).toBe(0.6);
    });

    it('training toward another certification does not open a J1501 post even when training is accepted', () => {
      const trainee = candidate((c) => { c.inTraining = [{ code: 'DEAES', expectedEnd: '2026-09-30' }]; });
      const accepting = vacancy((v) => { v.acceptsInTraining = true; });
      expect(evaluate(trainee, accepting).blockers).toEqual(['legal_certification']);
    });

    it('a required certification (any one of the list) is a blocker outside legal jobs too', () => {
      const post = vacancy((v) => {
        v.job = { rome: 'K1302' };
        v.requires = { certifications: ['DEAES', 'TP_ADVF'] };
      });
      expect(evaluate(candidate(), post).blockers).toEqual(['required_certification']);
      expect(evaluate(candidate((c) => { c.qualifications = [{ code: 'TP_ADVF' }]; }), post).eligible).toBe(true);
    });
  });

  describe('mobility', () => {
    const noLicence = () => candidate((c) => {
      c.mobility = { modes: ['walk'], maxMinutes: 30, drivingLicence: false, vehicle: false };
    });

    it('no licence: not eligible for home care 20 km away that requires a licence and a vehicle', () => {
      const homeCare = vacancy((v) => {
        v.structure = { kind: 'SAD', public: 'personnes_agees' };
        v.job = { rome: 'K1302' };
        v.site = FAR;
        v.interventionRadiusKm = 10;
        v.requires = { drivingLicence: true, vehicle: true };
      });
      const e = evaluate(noLicence(), homeCare);
      expect(e.eligible).toBe(false);
      expect(e.blockers).toContain('driving_licence');
      expect(e.blockers).toContain('vehicle');
    });

    it('no licence: eligible for an EHPAD post in their town reachable on foot', () => {
      const ehpad = vacancy((v) => { v.job = { rome: 'J1301' }; v.site = NEAR; });
      const e = evaluate(noLicence(), ehpad);
      expect(e.blockers).toEqual([]);
      expect(e.commute.mode).toBe('walk');
      expect(e.commute.minutes).toBeLessThanOrEqual(30);
    });

    it('a service car lifts the vehicle requirement but not the licence', () => {
      const serviceCar = vacancy((v) => {
        v.job = { rome: 'K1302' };
        v.requires = { drivingLicence: true };
        v.vehicleProvided = true;
      });
      expect(evaluate(candidate((c) => { c.mobility.vehicle = false; }), serviceCar).blockers).toEqual([]);
      expect(evaluate(noLicence(), serviceCar).blockers).toEqual(['driving_licence']);
    });

    it('home care counts the way to the zone plus a mean trip inside it', () => {
      const zone = vacancy((v) => { v.job = { rome: 'K1302' }; v.site = HOME; v.interventionRadiusKm = 10; });
      expect(evaluate(candidate(), zone).commute.km).toBeCloseTo((128 / (45 * Math.PI)) * 10, 9);
    });

    it('a commute over the limit blocks', () => {
      const far = vacancy((v) => { v.job = { rome: 'J1301' }; v.site = FAR; });
      const e = evaluate(candidate((c) => { c.mobility = { modes: ['walk'], maxMinutes: 60, drivingLicence: false, vehicle: false }; }), far);
      expect(e.blockers).toEqual(['commute']);
    });
  });

  describe('physical demands and restrictions', () => {
    const lifting = () => candidate((c) => { c.qualifications = [{ code: 'DEAS' }]; c.restrictions = ['no_heavy_lifting']; });

    it('no_heavy_lifting is blocked by a transfers demand', () => {
      const e = evaluate(lifting(), vacancy((v) => { v.physicalDemands = ['transfers']; }));
      expect(e.blockers).toEqual(['restriction']);
      expect(e.unliftedDemands).toEqual(['transfers']);
    });

    it('and not blocked when the vacancy has lift_equipment', () => {
      const e = evaluate(lifting(), vacancy((v) => { v.physicalDemands = ['transfers']; v.adaptations = ['lift_equipment']; }));
      expect(e.blockers).toEqual([]);
      expect(e.unliftedDemands).toEqual([]);
    });

    it('no_night_work meets a night post, which no adaptation lifts', () => {
      const c = candidate((x) => { x.qualifications = [{ code: 'DEAS' }]; x.restrictions = ['no_night_work']; });
      const e = evaluate(c, vacancy((v) => { v.schedule.nights = true; v.adaptations = ['lift_equipment'] }));
      expect(e.blockers).toEqual(['restriction']);
      expect(e.unliftedDemands).toEqual(['night_work']);
    });
  });

  describe('schedule, contract, dates, language', () => {
    const deas = (patch: Patch<CandidateInput> = () => {}) =>
      candidate((c) => { c.qualifications = [{ code: 'DEAS' }]; patch(c); });

    it('a CDD that ends before the candidate is available is blocked (start_date)', () => {
      const cdd = vacancy((v) => { v.contract = { type: 'CDD', weeklyHours: 35, startDate: '2026-03-01', endDate: '2026-03-31' }; });
      expect(evaluate(deas((c) => { c.availableFrom = '2026-04-01'; }), cdd).blockers).toEqual(['start_date']);
      const onLastDay = evaluate(deas((c) => { c.availableFrom = '2026-03-31'; }), cdd);
      expect(onLastDay.blockers).toEqual([]);
      expect(onLastDay.criteria.find((k) => k.code === 'start_date')?.value).toBeCloseTo(1 - 30 / 90, 12);
    });

    it('split shifts refused → split_shifts; nights refused → nights; weekends refused → weekends', () => {
      const split = vacancy((v) => { v.schedule.splitShifts = true; });
      expect(evaluate(deas((c) => { c.schedule.splitShifts = false; }), split).blockers).toEqual(['split_shifts']);
      const nights = vacancy((v) => { v.schedule.nights = true; });
      expect(evaluate(deas((c) => { c.schedule.nights = false; }), nights).blockers).toEqual(['nights']);
      const weekends = vacancy((v) => { v.schedule.weekends = true; });
      expect(evaluate(deas((c) => { c.schedule.weekends = false; }), weekends).blockers).toEqual(['weekends']);
    });

    it('a contract type the candidate does not accept blocks', () => {
      const interim = vacancy((v) => { v.contract.type = 'INTERIM'; });
      expect(evaluate(deas(), interim).blockers).toEqual(['contract']);
    });

    it('French level B1 against a required B2 blocks; an unknown level does not', () => {
      const b2 = vacancy((v) => { v.requires = { frenchLevel: 'B2' }; });
      expect(evaluate(deas((c) => { c.frenchLevel = 'B1'; }), b2).blockers).toEqual(['french_level']);
      expect(evaluate(deas((c) => { c.frenchLevel = 'B2'; }), b2).blockers).toEqual([]);
      expect(evaluate(deas((c) => { c.frenchLevel = 'native'; }), b2).blockers).toEqual([]);
      expect(evaluate(deas(), b2).blockers).toEqual([]);
    });

    it('work authorisation set to false blocks', () => {
      expect(evaluate(deas((c) => { c.workAuthorized = false; }), aideSoignant()).blockers).toEqual(['work_authorization']);
    });

    it('required experience counts related jobs at half', () => {
      const post = vacancy((v) => { v.job = { rome: 'K1302' }; v.requires = { experienceMonths: 12 }; });
      const related = candidate((c) => { c.experience = [{ rome: 'K1304', months: 20 }]; });
      expect(evaluate(related, post).blockers).toEqual(['experience']);
      const enough = candidate((c) => { c.experience = [{ rome: 'K1304', months: 24 }]; });
      expect(evaluate(enough, post).blockers).toEqual([]);
      expect(evaluate(enough, post).criteria.find((k) => k.code === 'experience')?.value).toBe(1);
    });
  });

  describe('what never enters a score or an eligibility', () => {
    const traits: Patch<CandidateInput> = (c) => {
      c.qualifications = [{ code: 'DEAES' }];
      c.experience = [{ rome: 'K1302', months: 8 }];
      c.schedule.nights = false;
    };
    const posts = [
      aideSoignant(),
      vacancy((v) => { v.job = { rome: 'K1302' }; v.structure = { kind: 'SAD', public: 'mixte' }; v.physicalDemands = ['transfers']; }),
      vacancy((v) => { v.job = { rome: 'J1301' }; v.schedule.nights = true; v.physicalDemands = ['prolonged_standing']; }),
    ];
    const toggles: [string, Patch<CandidateInput>][] = [
      ...(['RSA', 'RQTH', 'DELD', 'JEUNE', 'QPV', 'ZRR', 'BPI', 'SENIOR', 'ASS', 'AAH', 'PARENT_ISOLE', 'RECONVERSION', 'ETUDIANT'] as const)
        .map((k): [string, Patch<CandidateInput>] => [`category ${k}`, (c) => { c.categories = [k]; }]),
      ['every category', (c) => {
        c.categories = ['RSA', 'RQTH', 'DELD', 'JEUNE', 'QPV', 'ZRR', 'BPI', 'SENIOR', 'ASS', 'AAH', 'PARENT_ISOLE'];
      }],
      ['status', (c) => { c.status = 'demandeur_emploi'; }],
      ['status inactif', (c) => { c.status = 'inactif'; }],
      ['birthYear 1960', (c) => { c.birthYear = 1960; }],
      ['birthYear 2007', (c) => { c.birthYear = 2007; }],
      ['an untouched restriction', (c) => { c.restrictions = ['no_chemical_products']; }],
      ['a restriction no demand meets', (c) => { c.restrictions = ['no_driving']; }],
    ];

    it.each(toggles)('%s leaves every evaluation identical', (_label, patch) => {
      const base = candidate(traits);
      const toggled = candidate((c) => { traits(c); patch(c); });
      for (const v of posts) expect(evaluate(toggled, v)).toEqual(evaluate(base, v));
    });
  });

  describe('score arithmetic', () => {
    const pairs: [Candidate, Vacancy][] = [
      [candidate((c) => { c.qualifications = [{ code: 'DEAS' }]; }), aideSoignant()],
      [candidate((c) => { c.experience = [{ rome: 'K1302', months: 30 }]; c.desiredSectors = ['domicile']; }),
        vacancy((v) => { v.job = { rome: 'K1302' }; v.structure = { kind: 'SAD', public: 'personnes_agees' }; v.site = FAR; })],
      [candidate((c) => { c.availableFrom = '2026-05-15'; c.schedule.weeklyHoursMax = 24; }),
        vacancy((v) => { v.job = { rome: 'J1301' }; v.prefers = { skills: ['bionettoyage', 'linge'] }; })],
    ];

    it('score equals the sum of points, each value in [0, 1], weights summing to 100', () => {
      for (const [c, v] of pairs) {
        const e = evaluate(c, v);
        expect(e.criteria.map((k) => k.code)).toEqual([...CRITERION_CODES]);
        expect(e.score).toBeCloseTo(e.criteria.reduce((s, k) => s + k.points, 0), 9);
        expect(e.criteria.reduce((s, k) => s + k.weight, 0)).toBeCloseTo(100, 9);
        for (const k of e.criteria) {
          expect(k.value).toBeGreaterThanOrEqual(0);
          expect(k.value).toBeLessThanOrEqual(1);
          expect(k.points).toBeCloseTo(k.weight * k.value, 12);
        }
      }
    });

    it('weights normalise: doubling all weights changes nothing', () => {
      const w = { qualification: 30, experience: 15, commute: 20, hours: 10, start_date: 10, wishes: 10, skills: 5 };
      const doubled = Object.fromEntries(Object.entries(w).map(([k, x]) => [k, 2 * x])) as Weights;
      for (const [c, v] of pairs) {
        const a = evaluate(c, v, { weights: w });
        const b = evaluate(c, v, { weights: doubled });
        expect(b.score).toBeCloseTo(a.score, 9);
        expect(b.criteria.map((k) => k.weight)).toEqual(a.criteria.map((k) => expect.closeTo(k.weight, 9)));
        expect(evaluate(c, v).score).toBeCloseTo(a.score, 9);
      }
    });
  });

  describe('worked examples on a fixture referential (numbers computed by hand from docs/SCORING.md)', () => {
    const worker = candidate((c) => {
      c.availableFrom = '2026-03-31';
      c.desiredJobs = ['K1304'];
      c.desiredSectors = ['domicile'];
      c.experience = [{ rome: 'J1301', months: 6 }, { rome: 'K2204', months: 12 }];
      c.skills = ['linge'];
      c.schedule.weeklyHoursMax = 30;
      c.categories = ['QPV'];
    });
    const ash = vacancy((v) => {
      v.job = { rome: 'J1301' };
      v.site = HOME;
      v.prefers = { skills: ['bionettoyage', 'linge'] };
    });

    it('every criterion and the score', () => {
      const e = evaluate(worker, ash, { referential: fixture });
      const values = Object.fromEntries(e.criteria.map((k) => [k.code, k.value]));
      expect(values.qualification).toBe(0.25); // TP_ASMS expected, not held; 6 months in the job
      expect(values.experience).toBeCloseTo(0.5, 12); // (6 + 12 / 2) / 24
      expect(values.commute).toBe(1); // same place
      expect(values.hours).toBeCloseTo(0.5, 12); // 35 h against at most 30: 5 h outside
      expect(values.start_date).toBeCloseTo(1 - 30 / 90, 12); // 30 days late
      expect(values.wishes).toBeCloseTo(0.25, 12); // related job 0.5, sector 0: mean 0.25
      expect(values.skills).toBe(0.5); // 1 of 2
      expect(e.score).toBeCloseTo(7.5 + 7.5 + 20 + 5 + 10 * (2 / 3) + 2.5 + 2.5, 9);
      expect(e.bonus).toBeNull();
      expect(e.commute).toEqual({ km: 0, minutes: 0, mode: 'car' });
    });

    it('positive action adds the points of the candidate\'s categories, capped at 100', () => {
      const plain = evaluate(worker, ash, { referential: fixture });
      const e = evaluate(worker, ash, { referential: fixture, positiveAction: { RQTH: 5, QPV: 3 } });
      expect(e.bonus).toEqual({ points: 3, weight: 8, categories: ['QPV'] });
      expect(e.score).toBeCloseTo(plain.score + 3, 9);
      const big = evaluate(worker, ash, { referential: fixture, positiveAction: { QPV: 80 } });
      expect(big.bonus?.points).toBeCloseTo(100 - plain.score, 9);
      expect(big.score).toBeCloseTo(100, 9);
      expect(big.criteria).toEqual(plain.criteria);
      expect(big.blockers).toEqual(plain.blockers);
    });

    const qualification = (patch: Patch<CandidateInput>, expects: string[] | undefined, months = 0) => {
      const post = vacancy((v) => { v.job = { rome: 'K2204' }; if (expects) v.prefers = { certifications: expects }; });
      const c = candidate((x) => { patch(x); if (months > 0) x.experience = [{ rome: 'K2204', months }]; });
      return evaluate(c, post, { referential: fixture }).criteria.find((k) => k.code === 'qualification')?.value;
    };

    it('the qualification ladder', () => {
      expect(qualification((c) => { c.qualifications = [{ code: 'X' }]; }, ['X'])).toBe(1);
      expect(qualification((c) => { c.qualifications = [{ code: 'Y' }]; }, ['X'])).toBe(0.85); // higher, same family
      expect(qualification((c) => { c.qualifications = [{ code: 'X' }]; }, ['Y'])).toBe(0); // lower does not count
      expect(qualification((c) => { c.qualifications = [{ code: 'X' }]; }, ['Y'], 12)).toBe(0.4);
      expect(qualification((c) => { c.qualifications = [{ code: 'X' }]; }, ['Y'], 11)).toBe(0.25);
      expect(qualification((c) => { c.qualifications = [{ code: 'X', blocks: ['X_B1'] }]; }, ['X'])).toBe(0.6);
      expect(qualification((c) => { c.inTraining = [{ code: 'X', expectedEnd: '2026-12-31' }]; }, ['X'])).toBe(0.6);
      expect(qualification((c) => { c.qualifications = [{ code: 'Z' }]; }, ['X'])).toBe(0.5); // current bridge
      expect(qualification((c) => { c.qualifications = [{ code: 'W' }]; }, ['X'])).toBe(0); // historic bridge
      expect(qualification(() => {}, undefined)).toBe(0.8);
      expect(qualification((c) => { c.qualifications = [{ code: 'PRE' }]; }, undefined)).toBe(0.8);
      expect(qualification((c) => { c.qualifications = [{ code: 'Z' }]; }, undefined)).toBe(1);
    });

    it('a restriction is lifted only by an adaptation of its demand', () => {
      const c = candidate((x) => { x.restrictions = ['no_heavy_lifting']; });
      const post = (patch: Patch<VacancyInput>) => vacancy((v) => { v.job = { rome: 'J1301' }; patch(v); });
      expect(evaluate(c, post((v) => { v.physicalDemands = ['transfers']; }), { referential: fixture }).blockers).toEqual(['restriction']);
      expect(evaluate(c, post((v) => { v.physicalDemands = ['transfers']; v.adaptations = ['seated_workstation']; }), { referential: fixture }).blockers).toEqual(['restriction']);
      expect(evaluate(c, post((v) => { v.physicalDemands = ['transfers']; v.adaptations = ['lift_equipment']; }), { referential: fixture }).blockers).toEqual([]);
      expect(evaluate(c, post((v) => { v.physicalDemands = ['unknown_demand']; }), { referential: fixture }).blockers).toEqual([]);
    });
  });
});
