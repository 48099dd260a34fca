import { z } from 'zod';
import {
  CandidateCategory, Code, ContractType, FrenchLevel, Id, IsoDate, Mode, Public, RomeCode, RomeVersion, Sector, Status,
  boundedArray,
} from './primitives.js';
import { PlaceSchema } from './place.js';

const Hours = z.number().finite().min(0).max(48);

export const QualificationSchema = z.strictObject({
  code: Code,
  obtainedOn: IsoDate.optional(),
  /** Only these blocs are validated (a partial certification). */
  blocks: boundedArray(Code, 32).optional(),
});

export const ExperienceSchema = z.strictObject({
  rome: RomeCode,
  months: z.number().finite().min(0, { message: 'une durée en mois ne peut pas être négative' }).max(720),
  domicile: z.boolean().optional(),
  lastEndedOn: IsoDate.optional(),
});

export const CandidateSchema = z
  .strictObject({
    id: Id,
    home: PlaceSchema,
    mobility: z.strictObject({
      modes: boundedArray(Mode, 5).min(1, { message: 'au moins un mode de déplacement' }),
      maxMinutes: z.number().int().min(5).max(180),
      drivingLicence: z.boolean(),
      vehicle: z.boolean(),
    }),
    availableFrom: IsoDate,
    desiredJobs: boundedArray(RomeCode, 50),
    // How to read desiredJobs and experience[].rome; the validated record carries their v3 fiches.
    romeVersion: RomeVersion.optional(),
    desiredSectors: boundedArray(Sector, 2).optional(),
    desiredPublics: boundedArray(Public, 3).optional(),
    qualifications: boundedArray(QualificationSchema, 50),
    inTraining: boundedArray(z.strictObject({ code: Code, expectedEnd: IsoDate }), 10).optional(),
    experience: boundedArray(ExperienceSchema, 100),
    skills: boundedArray(Code, 100).optional(),
    frenchLevel: FrenchLevel.optional(),
    schedule: z.strictObject({
      nights: z.boolean(),
      weekends: z.boolean(),
      splitShifts: z.boolean(),
      weeklyHoursMin: Hours,
      weeklyHoursMax: Hours,
    }),
    contracts: boundedArray(ContractType, 7).min(1, { message: 'au moins un type de contrat accepté' }),
    restrictions: boundedArray(Code, 20).optional(),
    categories: boundedArray(CandidateCategory, 13).optional(),
    status: Status.optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
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
