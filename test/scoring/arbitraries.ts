/**
 * fast-check generators of VALID parsed candidates and vacancies over a small territory (about
 * 22 × 24 km around Valence), drawn from the sector's codes so that pairs meet every rule of
 * docs/SCORING.md often: legal and required certifications, partial and in-training ones, related
 * experience, home care, restrictions against demands, dates either side of each other. A few
 * codes the referential does not know are mixed in on purpose.
 */
import fc from 'fast-check';
import {
  CandidateSchema, Category, ContractType, FrenchLevel, Mode, Public, Status, StructureKind, StructurePublic,
  VacancySchema, type Candidate, type Vacancy,
} from '../../src/schema/index.js';

export const CERTIFICATIONS = [
  'DEAS', 'DEAES', 'DEAP', 'TP_ADVF', 'TP_ASMS', 'DEAVS', 'DEAMP', 'MCAD', 'BAC_PRO_ASSP', 'CAP_AEPE', 'DEI', 'DEME',
  'EMPLOYE_FAMILIAL', 'PERMIS_B', 'SST', 'UNKNOWN_CERT',
] as const;
export const JOBS = ['K1302', 'K1304', 'K1301', 'J1501', 'J1301', 'J1304', 'J1506', 'K2204', 'G1602', 'A1101'] as const;
export const SKILLS = ['toilette', 'transferts', 'repas', 'alzheimer', 'bionettoyage', 'linge', 'animation'] as const;
export const RESTRICTIONS = [
  'no_heavy_lifting', 'no_night_work', 'no_prolonged_standing', 'no_driving', 'no_chemical_products',
] as const;
export const DEMANDS = ['heavy_lifting', 'transfers', 'prolonged_standing', 'chemical_products'] as const;
export const ADAPTATIONS = ['lift_equipment', 'seated_workstation', 'protective_equipment'] as const;

const BASE_DAY = Date.UTC(2026, 0, 1);
export function isoFromOffset(days: number): string {
  return new Date(BASE_DAY + days * 86_400_000).toISOString().slice(0, 10);
}

const place = fc.record({
  lat: fc.double({ min: 44.85, max: 45.05, noNaN: true }),
  lon: fc.double({ min: 4.85, max: 5.15, noNaN: true }),
});

function subset<T>(items: readonly T[], maxLength = items.length) {
  return fc.uniqueArray(fc.constantFrom(...items), { maxLength });
}
function maybe<T>(arb: fc.Arbitrary<T>) {
  return fc.option(arb, { nil: undefined });
}
/** Absent four times in five: hard requirements, so that eligible pairs stay frequent. */
function rarely<T>(arb: fc.Arbitrary<T>) {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}
/** true with probability `p` (in tenths). */
function often(tenths: number) {
  return fc.integer({ min: 0, max: 9 }).map((x) => x < tenths);
}
/** Drops undefined keys so the strict schemas see absent fields, not `undefined` values. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const candidateArb: fc.Arbitrary<Candidate> = fc
  .record({
    id: fc.stringMatching(/^c[0-9]{1,3}$/),
    home: place,
    modes: fc.uniqueArray(fc.constantFrom<Mode>('car', 'car', 'transit', 'bike', 'walk', 'motorbike'), { minLength: 1, maxLength: 3 }),
    maxMinutes: fc.integer({ min: 5, max: 120 }),
    drivingLicence: often(7),
    vehicle: often(6),
    available: fc.integer({ min: 0, max: 200 }),
    desiredJobs: subset(JOBS, 3),
    desiredSectors: maybe(subset(['domicile', 'etablissement'] as const)),
    desiredPublics: maybe(subset(Public.options)),
    qualifications: fc.array(
      fc.record({ code: fc.constantFrom(...CERTIFICATIONS), partial: fc.boolean() }),
      { maxLength: 3 },
    ),
    inTraining: maybe(fc.array(fc.record({ code: fc.constantFrom(...CERTIFICATIONS), end: fc.integer({ min: 0, max: 400 }) }), { maxLength: 2 })),
    experience: fc.array(fc.record({ rome: fc.constantFrom(...JOBS), months: fc.integer({ min: 0, max: 60 }) }), { maxLength: 3 }),
    skills: maybe(subset(SKILLS)),
    frenchLevel: maybe(fc.constantFrom(...FrenchLevel.options)),
    nights: often(7),
    weekends: often(8),
    splitShifts: often(7),
    hoursA: fc.integer({ min: 0, max: 40 }),
    hoursB: fc.integer({ min: 0, max: 40 }),
    contracts: fc.uniqueArray(fc.constantFrom(...ContractType.options), { minLength: 3, maxLength: 7 }),
    restrictions: maybe(subset(RESTRICTIONS, 2)),
    categories: maybe(subset(Category.options, 3)),
    status: maybe(fc.constantFrom(...Status.options)),
    birthYear: maybe(fc.integer({ min: 1955, max: 2008 })),
    workAuthorized: rarely(fc.boolean()),
  })
  .map((r) =>
    CandidateSchema.parse(defined({
      id: r.id,
      home: r.home,
      mobility: { modes: r.modes, maxMinutes: r.maxMinutes, drivingLicence: r.drivingLicence, vehicle: r.vehicle },
      availableFrom: isoFromOffset(r.available),
      desiredJobs: r.desiredJobs,
      desiredSectors: r.desiredSectors,
      desiredPublics: r.desiredPublics,
      qualifications: r.qualifications.map((q) => (q.partial ? { code: q.code, blocks: [`${q.code}_B1`] } : { code: q.code })),
      inTraining: r.inTraining?.map((t) => ({ code: t.code, expectedEnd: isoFromOffset(t.end) })),
      experience: r.experience,
      skills: r.skills,
      frenchLevel: r.frenchLevel,
      schedule: {
        nights: r.nights, weekends: r.weekends, splitShifts: r.splitShifts,
        weeklyHoursMin: Math.min(r.hoursA, r.hoursB), weeklyHoursMax: Math.max(r.hoursA, r.hoursB),
      },
      contracts: r.contracts,
      restrictions: r.restrictions,
      categories: r.categories,
      status: r.status,
      birthYear: r.birthYear,
      workAuthorized: r.workAuthorized,
    })),
  );

export const vacancyArb: fc.Arbitrary<Vacancy> = fc
  .record({
    id: fc.stringMatching(/^v[0-9]{1,3}$/),
    kind: fc.constantFrom(...StructureKind.options),
    public: fc.constantFrom(...StructurePublic.options),
    rome: fc.constantFrom(...JOBS),
    site: place,
    radius: maybe(fc.constantFrom(0, 5, 10, 20)),
    requiresCerts: rarely(subset(CERTIFICATIONS, 2)),
    requiresLicence: rarely(fc.boolean()),
    vehicle: fc.constantFrom('required', 'provided', 'none', 'none'),
    requiresFrench: rarely(fc.constantFrom(...FrenchLevel.options)),
    requiresMonths: rarely(fc.integer({ min: 0, max: 36 })),
    prefersCerts: maybe(subset(CERTIFICATIONS, 2)),
    prefersMonths: maybe(fc.integer({ min: 0, max: 48 })),
    prefersSkills: maybe(subset(SKILLS, 3)),
    acceptsInTraining: maybe(fc.boolean()),
    contractType: fc.constantFrom<ContractType>('CDI', 'CDI', 'CDD', 'CDD', ...ContractType.options),
    weeklyHours: fc.integer({ min: 1, max: 48 }),
    start: fc.integer({ min: 0, max: 200 }),
    length: rarely(fc.integer({ min: 0, max: 365 })),
    nights: often(3),
    weekends: often(4),
    splitShifts: often(3),
    demands: maybe(subset(DEMANDS, 2)),
    adaptations: maybe(subset(ADAPTATIONS, 2)),
  })
  .map((r) =>
    VacancySchema.parse(defined({
      id: r.id,
      employerId: 'e1',
      structure: { kind: r.kind, public: r.public },
      job: { rome: r.rome },
      site: r.site,
      interventionRadiusKm: r.radius,
      requires: defined({
        certifications: r.requiresCerts,
        drivingLicence: r.requiresLicence,
        vehicle: r.vehicle === 'required' ? true : undefined,
        frenchLevel: r.requiresFrench,
        experienceMonths: r.requiresMonths,
      }),
      prefers: defined({ certifications: r.prefersCerts, experienceMonths: r.prefersMonths, skills: r.prefersSkills }),
      vehicleProvided: r.vehicle === 'provided' ? true : undefined,
      acceptsInTraining: r.acceptsInTraining,
      contract: defined({
        type: r.contractType,
        weeklyHours: r.weeklyHours,
        startDate: isoFromOffset(r.start),
        endDate: r.length === undefined ? undefined : isoFromOffset(r.start + r.length),
      }),
      schedule: { nights: r.nights, weekends: r.weekends, splitShifts: r.splitShifts },
      physicalDemands: r.demands,
      adaptations: r.adaptations,
    })),
  );

/** Records with unique ids (ids are the tie-break, so duplicates would make orders ambiguous). */
export function uniqueById<T extends { id: string }>(arb: fc.Arbitrary<T>, minLength: number, maxLength: number) {
  return fc.uniqueArray(arb, { minLength, maxLength, selector: (r) => r.id });
}
