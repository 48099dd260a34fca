/** Hand-built records and evaluations for the explanation tests. */
import { CandidateSchema, VacancySchema, type Candidate, type CandidateInput, type Vacancy, type VacancyInput } from '../../src/schema/index.js';
import { defaultReferential } from '../../src/referential/index.js';
import { CRITERION_CODES, DEFAULT_WEIGHTS, type BlockerCode } from '../../src/scoring/model.js';
import type { Audience, PairEvaluation } from '../../src/scoring/types.js';
import { explainMatch } from '../../src/explain/index.js';

export const ref = defaultReferential;
export const versions = { engine: 'test', referential: ref.version, rome: 'v3' as const };
export const TODAY = '2026-01-15';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (over === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && b !== null && typeof b === 'object' && !Array.isArray(b)
      ? merge(b, v as DeepPartial<typeof b>)
      : v;
  }
  return out as T;
}

const BASE_CANDIDATE: CandidateInput = {
  id: 'cand-1',
  home: { lat: 48.43, lon: 0.09 },
  mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
  availableFrom: '2026-01-05',
  desiredJobs: ['K1302'],
  qualifications: [{ code: 'TP_ADVF', obtainedOn: '2022-06-30' }],
  experience: [{ rome: 'K1302', months: 24 }],
  skills: ['toilette', 'repas'],
  frenchLevel: 'B2',
  schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 24, weeklyHoursMax: 35 },
  contracts: ['CDI', 'CDD'],
};

const BASE_VACANCY: VacancyInput = {
  id: 'vac-1',
  employerId: 'emp-1',
  structure: { kind: 'SAD', public: 'personnes_agees', status: 'prive_non_lucratif' },
  job: { rome: 'K1302' },
  site: { lat: 48.5, lon: 0.1 },
  contract: { type: 'CDI', weeklyHours: 30, startDate: '2026-01-05' },
  schedule: { nights: false, weekends: true, splitShifts: true },
};

export function candidate(over?: DeepPartial<CandidateInput>): Candidate {
  return CandidateSchema.parse(merge(BASE_CANDIDATE, over));
}

export function vacancy(over?: DeepPartial<VacancyInput>): Vacancy {
  return VacancySchema.parse(merge(BASE_VACANCY, over));
}

/** An evaluation with every criterion at `value` (default 1), the given blockers and extras. */
export function evaluation(over: {
  blockers?: BlockerCode[];
  values?: Partial<Record<(typeof CRITERION_CODES)[number], number>>;
  commute?: PairEvaluation['commute'];
  bonus?: PairEvaluation['bonus'];
  unliftedDemands?: string[];
} = {}): PairEvaluation {
  const criteria = CRITERION_CODES.map((code) => {
    const value = over.values?.[code] ?? 1;
    const weight = DEFAULT_WEIGHTS[code];
    return { code, value, weight, points: value * weight };
  });
  let score = 0;
  for (const k of criteria) score += k.points;
  const blockers = over.blockers ?? [];
  return {
    eligible: blockers.length === 0,
    blockers,
    criteria,
    bonus: over.bonus ?? null,
    score,
    commute: over.commute ?? { km: 7.8, minutes: 12.2, mode: 'car' },
    unliftedDemands: over.unliftedDemands ?? [],
  };
}

export function explain(ev: PairEvaluation, c: Candidate, v: Vacancy, audience: Audience = 'advisor') {
  return explainMatch(ev, c, v, { referential: ref, audience, today: TODAY, versions });
}
