/**
 * The bounds of the input schemas, each written once. The zod schemas (this folder) and the
 * hand-written checks that must accept exactly what zod accepts (src/validate/fast.ts,
 * src/audit/schemas.ts) read them from here, so a bound changed here changes both sides;
 * test/validation/bounds.test.ts walks every entry and holds the two sides to the same answer
 * at the bound and just past it.
 */

/** Record ids: printable, no white space. */
export const ID_PATTERN = /^[^\s\u0000-\u001f]+$/;
/** Machine codes (certification, skill, restriction…). */
export const CODE_PATTERN = /^[A-Za-z0-9_]+$/;
/** ROME fiche codes, v3 or 4.0: a letter A–N and four digits. */
export const ROME_PATTERN = /^[A-N]\d{4}$/;
/** France Travail appellation codes (OGR). */
export const APPELLATION_PATTERN = /^\d{1,9}$/;

/** Longest strings, in characters. */
export const LENGTH = {
  id: 128,
  code: 64,
  /** Titles, labels, a session's provider. */
  shortText: 300,
  rome: 5,
  appellation: 9,
} as const;

/** Dates are kept within these years (IsoDate). */
export const YEARS = { min: 1900, max: 2200 } as const;
export const DATE_MIN = `${YEARS.min}-01-01`;
export const DATE_MAX = `${YEARS.max}-12-31`;

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Numeric fields, bounds included. */
export const RANGE = {
  latitude: { min: -90, max: 90 },
  longitude: { min: -180, max: 180 },
  /** Candidate.mobility.maxMinutes (integer). */
  maxMinutes: { min: 5, max: 180 },
  /** Candidate.schedule.weeklyHoursMin / weeklyHoursMax. */
  candidateWeeklyHours: { min: 0, max: 48 },
  /** Candidate.experience[].months. */
  experienceMonths: { min: 0, max: 720 },
  /** Candidate.birthYear (integer). */
  birthYear: { min: 1900, max: 2100 },
  /** Vacancy.interventionRadiusKm. */
  interventionRadiusKm: { min: 0, max: 200 },
  /** Vacancy.requires / prefers.experienceMonths (integer). */
  vacancyExperienceMonths: { min: 0, max: 600 },
  /** Vacancy.contract.weeklyHours. */
  contractWeeklyHours: { min: 1, max: 48 },
  /** Vacancy.openings (integer). */
  openings: { min: 1, max: 10_000 },
  /** TrainingSession.hours. */
  sessionHours: { min: 1, max: 6000 },
  /** TrainingSession.seats (integer). */
  seats: { min: 0, max: 10_000 },
} as const satisfies Record<string, Range>;

/** Array fields: fewest and most items. */
export const ITEMS = {
  modes: { min: 1, max: 5 },
  desiredJobs: { min: 0, max: 50 },
  desiredSectors: { min: 0, max: 2 },
  desiredPublics: { min: 0, max: 3 },
  qualifications: { min: 0, max: 50 },
  /** A partial qualification's blocks. */
  blocks: { min: 0, max: 32 },
  inTraining: { min: 0, max: 10 },
  experience: { min: 0, max: 100 },
  skills: { min: 0, max: 100 },
  contracts: { min: 1, max: 7 },
  restrictions: { min: 0, max: 20 },
  categories: { min: 0, max: 13 },
  requiredCertifications: { min: 0, max: 20 },
  preferredCertifications: { min: 0, max: 20 },
  preferredSkills: { min: 0, max: 50 },
  physicalDemands: { min: 0, max: 20 },
  adaptations: { min: 0, max: 20 },
  access: { min: 1, max: 5 },
  funding: { min: 1, max: 12 },
} as const satisfies Record<string, Range>;
