/**
 * Every bound of src/schema/bounds.ts, enumerated: a valid record with the bounded field set at
 * the bound and just past it (below a minimum too), through the fast path and through zod. Both
 * accept at the bound and both refuse past it, so neither side can hold a bound of its own; a
 * bound added to bounds.ts without a case here fails the enumeration.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultReferential } from '../../src/referential/index.js';
import type { Referential } from '../../src/referential/types.js';
import { fastCheck, setFastPath } from '../../src/validate/fast.js';
import { checkRecord } from '../../src/validate/parse.js';
import { ITEMS, LENGTH, RANGE, YEARS, type Range } from '../../src/schema/bounds.js';
import type { RecordKind } from '../../src/errors.js';
import { referentialCodes, validCandidate, validTrainingSession, validVacancy } from '../arbitraries.js';

afterEach(() => {
  setFastPath(true);
});

type Obj = Record<string, unknown>;
const codes = referentialCodes();
const [candidateBase] = fc.sample(validCandidate(), { numRuns: 1, seed: 21 }) as Obj[];
const [vacancyBase] = fc.sample(validVacancy(), { numRuns: 1, seed: 21 }) as Obj[];
const [sessionBase] = fc.sample(validTrainingSession(), { numRuns: 1, seed: 21 }) as Obj[];
const BASE: Record<RecordKind, Obj> = { candidate: candidateBase, vacancy: vacancyBase, trainingSession: sessionBase };

/** A skill code of `n` characters in a referential of its own: the code bound alone then decides. */
const longSkill = (n: number) => 'S'.repeat(n);
const withLongSkills: Referential = {
  ...defaultReferential,
  skills: [
    ...defaultReferential.skills,
    ...[LENGTH.code, LENGTH.code + 1].map((n) => ({ ...defaultReferential.skills[0], code: longSkill(n) })),
  ],
};
const certWithBlocks = codes.certifications.find((c) => (codes.blocksOf.get(c) ?? []).length > 0)!;
const blockCode = codes.blocksOf.get(certWithBlocks)![0];

interface Case {
  kind: RecordKind;
  /** The base record (a deep copy) with the bounded field set to `x`. */
  set: (r: Obj, x: number) => void;
  /** Integer fields step by 1; others by the smallest step a JSON number shows near the bound. */
  int?: boolean;
  ref?: Referential;
}

const n = (k: number, item: unknown) => Array.from({ length: k }, () => structuredClone(item));
const at = (r: Obj, path: string): Obj => path.split('.').reduce((o, k) => (o[k] ??= {}) as Obj, r);

const LENGTH_CASES: Record<keyof typeof LENGTH, Case> = {
  id: { kind: 'candidate', int: true, set: (r, x) => { r.id = 'i'.repeat(x); } },
  code: { kind: 'candidate', int: true, ref: withLongSkills, set: (r, x) => { r.skills = [longSkill(x)]; } },
  shortText: { kind: 'vacancy', int: true, set: (r, x) => { at(r, 'job').title = 't'.repeat(x); } },
  // The format's own length: one character more is never a ROME or an appellation code.
  rome: { kind: 'candidate', int: true, set: (r, x) => { r.desiredJobs = [`${codes.sectorRome[0]}${'0'.repeat(x - 5)}`]; } },
  appellation: { kind: 'vacancy', int: true, set: (r, x) => { at(r, 'job').appellation = '1'.repeat(x); } },
};

const RANGE_CASES: Record<keyof typeof RANGE, Case> = {
  latitude: { kind: 'candidate', set: (r, x) => { r.home = { lat: x, lon: 2 }; } },
  longitude: { kind: 'candidate', set: (r, x) => { r.home = { lat: 45, lon: x }; } },
  maxMinutes: { kind: 'candidate', int: true, set: (r, x) => { at(r, 'mobility').maxMinutes = x; } },
  candidateWeeklyHours: {
    kind: 'candidate',
    set: (r, x) => { Object.assign(at(r, 'schedule'), { weeklyHoursMin: x, weeklyHoursMax: x }); },
  },
  experienceMonths: { kind: 'candidate', set: (r, x) => { r.experience = [{ rome: codes.sectorRome[0], months: x }]; } },
  birthYear: { kind: 'candidate', int: true, set: (r, x) => { r.birthYear = x; } },
  interventionRadiusKm: { kind: 'vacancy', set: (r, x) => { r.interventionRadiusKm = x; } },
  vacancyExperienceMonths: { kind: 'vacancy', int: true, set: (r, x) => { at(r, 'prefers').experienceMonths = x; } },
  contractWeeklyHours: { kind: 'vacancy', set: (r, x) => { at(r, 'contract').weeklyHours = x; } },
  openings: { kind: 'vacancy', int: true, set: (r, x) => { r.openings = x; } },
  sessionHours: { kind: 'trainingSession', set: (r, x) => { r.hours = x; } },
  seats: { kind: 'trainingSession', int: true, set: (r, x) => { r.seats = x; } },
};

const list = (kind: RecordKind, path: string, item: unknown): Case => ({
  kind,
  int: true,
  set: (r, x) => {
    const keys = path.split('.');
    const last = keys.pop()!;
    (keys.length === 0 ? r : at(r, keys.join('.')))[last] = n(x, item);
  },
});

const ITEMS_CASES: Record<keyof typeof ITEMS, Case> = {
  modes: list('candidate', 'mobility.modes', 'car'),
  desiredJobs: list('candidate', 'desiredJobs', codes.sectorRome[0]),
  desiredSectors: list('candidate', 'desiredSectors', 'domicile'),
  desiredPublics: list('candidate', 'desiredPublics', 'handicap'),
  qualifications: list('candidate', 'qualifications', { code: codes.certifications[0] }),
  blocks: { kind: 'candidate', int: true, set: (r, x) => { r.qualifications = [{ code: certWithBlocks, blocks: n(x, blockCode) }]; } },
  inTraining: list('candidate', 'inTraining', { code: codes.certifications[0], expectedEnd: '2027-06-30' }),
  experience: list('candidate', 'experience', { rome: codes.sectorRome[0], months: 3 }),
  skills: list('candidate', 'skills', codes.skills[0]),
  contracts: list('candidate', 'contracts', 'CDI'),
  restrictions: list('candidate', 'restrictions', codes.restrictions[0]),
  categories: list('candidate', 'categories', 'RSA'),
  requiredCertifications: list('vacancy', 'requires.certifications', codes.certifications[0]),
  preferredCertifications: list('vacancy', 'prefers.certifications', codes.certifications[0]),
  preferredSkills: list('vacancy', 'prefers.skills', codes.skills[0]),
  physicalDemands: list('vacancy', 'physicalDemands', codes.physicalDemands[0]),
  adaptations: list('vacancy', 'adaptations', codes.adaptations[0]),
  access: list('trainingSession', 'access', 'formation_continue'),
  funding: list('trainingSession', 'funding', 'CPF'),
};

/** Whether each path accepts the case's record with the field at `x`. */
function verdicts(c: Case, x: number): { fast: boolean; zod: boolean } {
  const record = structuredClone(BASE[c.kind]);
  c.set(record, x);
  const ref = c.ref ?? defaultReferential;
  const fast = fastCheck(c.kind, record, ref) !== undefined;
  setFastPath(false);
  const zod = checkRecord(c.kind, record, ref).ok;
  setFastPath(true);
  return { fast, zod };
}

/** At each end of `range`: both accept; one step past it: both refuse. */
function holdsBothEnds(c: Case, range: Range, name: string): void {
  const step = (x: number) => (c.int ? 1 : Math.max(Math.abs(x), 1) * 2 ** -40);
  expect(verdicts(c, range.max), `${name} at its maximum ${range.max}`).toEqual({ fast: true, zod: true });
  expect(verdicts(c, range.max + step(range.max)), `${name} past its maximum`).toEqual({ fast: false, zod: false });
  if (range.min > 0 || name in RANGE) {
    expect(verdicts(c, range.min), `${name} at its minimum ${range.min}`).toEqual({ fast: true, zod: true });
    expect(verdicts(c, range.min - step(range.min)), `${name} below its minimum`).toEqual({ fast: false, zod: false });
  }
}

describe('schema bounds: the fast path and zod draw the same line', () => {
  it('has a case for every bound of bounds.ts', () => {
    expect(Object.keys(LENGTH_CASES).sort()).toEqual(Object.keys(LENGTH).sort());
    expect(Object.keys(RANGE_CASES).sort()).toEqual(Object.keys(RANGE).sort());
    expect(Object.keys(ITEMS_CASES).sort()).toEqual(Object.keys(ITEMS).sort());
  });

  it('base records pass both paths', () => {
    for (const kind of ['candidate', 'vacancy', 'trainingSession'] as const) {
      expect(verdicts({ kind, set: () => {} }, 0), kind).toEqual({ fast: true, zod: true });
    }
  });

  it.each(Object.entries(RANGE_CASES))('RANGE.%s', (name, c) => {
    holdsBothEnds(c, RANGE[name as keyof typeof RANGE], name);
  });

  it.each(Object.entries(ITEMS_CASES))('ITEMS.%s', (name, c) => {
    holdsBothEnds(c, ITEMS[name as keyof typeof ITEMS], name);
  });

  it.each(Object.entries(LENGTH_CASES))('LENGTH.%s', (name, c) => {
    const max = LENGTH[name as keyof typeof LENGTH];
    // An appellation of the longest length exists in no table: both refuse it as unknown, so
    // only the length past the bound is compared for it.
    if (name !== 'appellation') expect(verdicts(c, max), `${name} at ${max}`).toEqual({ fast: true, zod: true });
    expect(verdicts(c, max + 1), `${name} past ${max}`).toEqual({ fast: false, zod: false });
  });

  it('YEARS: first and last day kept, the days around refused', () => {
    const c: Case = { kind: 'candidate', set: () => {} };
    const day = (d: string) => {
      c.set = (r) => { r.availableFrom = d; };
      return verdicts(c, 0);
    };
    expect(day(`${YEARS.min}-01-01`)).toEqual({ fast: true, zod: true });
    expect(day(`${YEARS.max}-12-31`)).toEqual({ fast: true, zod: true });
    expect(day(`${YEARS.min - 1}-12-31`)).toEqual({ fast: false, zod: false });
    expect(day(`${YEARS.max + 1}-01-01`)).toEqual({ fast: false, zod: false });
  });
});
