import { z } from 'zod';
import {
  CandidateCategory, Code, ContractType, FrenchLevel, Id, IsoDate, Mode, Public, RomeCode, RomeVersion, Sector, Status,
  boundedArray,
} from './primitives.js';
import { PlaceSchema } from './place.js';
import { ITEMS, RANGE } from './bounds.js';

const Hours = z.number().finite().min(RANGE.candidateWeeklyHours.min).max(RANGE.candidateWeeklyHours.max);

export const QualificationSchema = z.strictObject({
  code: Code,
  obtainedOn: IsoDate.optional(),
  /** Only these blocs are validated (a partial certification). */
  blocks: boundedArray(Code, ITEMS.blocks.max).optional(),
});

export const ExperienceSchema = z.strictObject({
  rome: RomeCode,
  months: z.number().finite().min(RANGE.experienceMonths.min, { message: 'une durée en mois ne peut pas être négative' }).max(RANGE.experienceMonths.max),
  domicile: z.boolean().optional(),
  lastEndedOn: IsoDate.optional(),
});

export const CandidateSchema = z
  .strictObject({
    id: Id,
    home: PlaceSchema,
    mobility: z.strictObject({
      modes: boundedArray(Mode, ITEMS.modes.max).min(ITEMS.modes.min, { message: 'au moins un mode de déplacement' }),
      maxMinutes: z.number().int().min(RANGE.maxMinutes.min).max(RANGE.maxMinutes.max),
      drivingLicence: z.boolean(),
      vehicle: z.boolean(),
    }),
    availableFrom: IsoDate,
    desiredJobs: boundedArray(RomeCode, ITEMS.desiredJobs.max),
    // How to read desiredJobs and experience[].rome; the validated record carries their v3 fiches.
    romeVersion: RomeVersion.optional(),
    desiredSectors: boundedArray(Sector, ITEMS.desiredSectors.max).optional(),
    desiredPublics: boundedArray(Public, ITEMS.desiredPublics.max).optional(),
    qualifications: boundedArray(QualificationSchema, ITEMS.qualifications.max),
    inTraining: boundedArray(z.strictObject({ code: Code, expectedEnd: IsoDate }), ITEMS.inTraining.max).optional(),
    experience: boundedArray(ExperienceSchema, ITEMS.experience.max),
    skills: boundedArray(Code, ITEMS.skills.max).optional(),
    frenchLevel: FrenchLevel.optional(),
    schedule: z.strictObject({
      nights: z.boolean(),
      weekends: z.boolean(),
      splitShifts: z.boolean(),
      weeklyHoursMin: Hours,
      weeklyHoursMax: Hours,
    }),
    contracts: boundedArray(ContractType, ITEMS.contracts.max).min(ITEMS.contracts.min, { message: 'au moins un type de contrat accepté' }),
    restrictions: boundedArray(Code, ITEMS.restrictions.max).optional(),
    categories: boundedArray(CandidateCategory, ITEMS.categories.max).optional(),
    status: Status.optional(),
    birthYear: z.number().int().min(RANGE.birthYear.min).max(RANGE.birthYear.max).optional(),
    // MODEL.md: boolean, default true. Absent stays absent and means authorised (every reader tests
    // `=== false`): filling the default would force a copy of each record of a national batch.
    workAuthorized: z.boolean().optional().meta({ default: true }),
  })
  .superRefine((c, ctx) => {
    if (c.schedule.weeklyHoursMin > c.schedule.weeklyHoursMax) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule', 'weeklyHoursMin'],
        message: 'doit être ≤ schedule.weeklyHoursMax',
        params: { code: 'invalid_range' },
      });
    }
  });

export type Candidate = z.infer<typeof CandidateSchema>;
/** What a backend may send (defaults not yet applied). */
export type CandidateInput = z.input<typeof CandidateSchema>;
export type Qualification = z.infer<typeof QualificationSchema>;
export type Experience = z.infer<typeof ExperienceSchema>;
