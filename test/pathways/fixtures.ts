/** Small builders for pathway tests: valid records around Alençon (Orne). */
import { CandidateSchema, type CandidateInput } from '../../src/schema/candidate.js';
import { VacancySchema, type VacancyInput } from '../../src/schema/vacancy.js';
import { TrainingSessionSchema, type TrainingSessionInput } from '../../src/schema/training.js';
import type { Candidate } from '../../src/schema/candidate.js';
import type { Vacancy } from '../../src/schema/vacancy.js';
import type { TrainingSession } from '../../src/schema/training.js';

export const TODAY = '2026-11-23';
export const ALENCON = { lat: 48.4322, lon: 0.0913 };
/** Argentan, ~40 km north of Alençon: ~60 min by car in the travel model. */
export const ARGENTAN = { lat: 48.7445, lon: -0.0203 };

export function candidate(over: Partial<CandidateInput> = {}): Candidate {
  return CandidateSchema.parse({
    id: 'c1',
    home: ALENCON,
    mobility: { modes: ['car'], maxMinutes: 45, drivingLicence: true, vehicle: true },
    availableFrom: '2026-12-01',
    desiredJobs: [],
    qualifications: [],
    experience: [],
    schedule: { nights: true, weekends: true, splitShifts: true, weeklyHoursMin: 20, weeklyHoursMax: 35 },
    contracts: ['CDI', 'CDD'],
    frenchLevel: 'native',
    status: 'salarie',
    birthYear: 1991,
    ...over,
  });
}

export function vacancy(over: Partial<VacancyInput> = {}): Vacancy {
  return VacancySchema.parse({
    id: 'v1',
    employerId: 'e1',
    structure: { kind: 'SAD', public: 'personnes_agees', status: 'prive_non_lucratif' },
    job: { rome: 'K1302' },
    site: ALENCON,
    contract: { type: 'CDI', weeklyHours: 28, startDate: '2027-01-04' },
    schedule: { nights: false, weekends: true, splitShifts: true },
    ...over,
  });
}

export function session(over: Partial<TrainingSessionInput> & { id: string; certification: string }): TrainingSession {
  return TrainingSessionSchema.parse({
    provider: 'IFAS Alençon',
    site: ALENCON,
    startDate: '2027-02-01',
    endDate: '2027-12-17',
    hours: 1540,
    access: ['formation_continue', 'parcours_partiel'],
    funding: ['PRF', 'CPF', 'AIF', 'PTP', 'PRO_A'],
    ...over,
  });
}
