import { z } from 'zod';
import {
  AppellationCode, Code, ContractType, FrenchLevel, Id, IsoDate, RomeCode, RomeVersion, ShortText, StructureKind, StructurePublic, StructureStatus,
  boundedArray,
} from './primitives.js';
import { PlaceSchema } from './place.js';
import { ITEMS, RANGE } from './bounds.js';

export const VacancySchema = z
  .strictObject({
    id: Id,
    employerId: Id,
    structure: z.strictObject({
      kind: StructureKind,
      public: StructurePublic,
      status: StructureStatus.optional(),
    }),
    // The validated job carries the v3 fiche in `rome` (romeVersion 'v3') and the ROME 4.0 code in
    // `rome4` when known: src/validate/rome-versions.ts.
    job: z
      .strictObject({
        rome: RomeCode.optional(),
        title: ShortText.optional(),
        romeVersion: RomeVersion.default('v3'),
        appellation: AppellationCode.optional(),
        rome4: RomeCode.optional(),
      })
      // JSON Schema: a fiche, or an appellation that fixes it.
      .meta({ anyOf: [{ required: ['rome'] }, { required: ['appellation'] }] })
      .superRefine((j, ctx) => {
        if (j.rome === undefined && j.appellation === undefined) {
          ctx.addIssue({
            code: 'custom', path: ['rome'], message: 'job.rome ou job.appellation requis', params: { code: 'required' },
          });
        }
      })
      // A validated vacancy always has its v3 fiche: the code check fills `rome` from the appellation.
      .transform((j) => j as typeof j & { rome: string }),
    site: PlaceSchema,
    interventionRadiusKm: z.number().finite().min(RANGE.interventionRadiusKm.min).max(RANGE.interventionRadiusKm.max).optional(),
    requires: z
      .strictObject({
        certifications: boundedArray(Code, ITEMS.requiredCertifications.max).optional(),
        drivingLicence: z.boolean().optional(),
        vehicle: z.boolean().optional(),
        frenchLevel: FrenchLevel.optional(),
        experienceMonths: z.number().int().min(RANGE.vacancyExperienceMonths.min).max(RANGE.vacancyExperienceMonths.max).optional(),
      })
      .default({}),
    prefers: z
      .strictObject({
        certifications: boundedArray(Code, ITEMS.preferredCertifications.max).optional(),
        experienceMonths: z.number().int().min(RANGE.vacancyExperienceMonths.min).max(RANGE.vacancyExperienceMonths.max).optional(),
        skills: boundedArray(Code, ITEMS.preferredSkills.max).optional(),
      })
      .default({}),
    vehicleProvided: z.boolean().optional(),
    acceptsInTraining: z.boolean().optional(),
    contract: z.strictObject({
      type: ContractType,
      weeklyHours: z.number().finite().min(RANGE.contractWeeklyHours.min).max(RANGE.contractWeeklyHours.max),
      startDate: IsoDate,
      endDate: IsoDate.optional(),
    }),
    schedule: z.strictObject({
      nights: z.boolean(),
      weekends: z.boolean(),
      splitShifts: z.boolean(),
    }),
    physicalDemands: boundedArray(Code, ITEMS.physicalDemands.max).optional(),
    adaptations: boundedArray(Code, ITEMS.adaptations.max).optional(),
    openings: z.number().int().min(RANGE.openings.min).max(RANGE.openings.max).default(1),
    accessibleTH: z.boolean().optional(),
    trainsNewcomers: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.contract.endDate !== undefined && v.contract.endDate < v.contract.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['contract', 'endDate'],
        message: 'doit être ≥ contract.startDate',
        params: { code: 'invalid_range' },
      });
    }
    if (v.requires.vehicle && v.vehicleProvided) {
      ctx.addIssue({
        code: 'custom',
        path: ['requires', 'vehicle'],
        message: "un véhicule ne peut pas être à la fois exigé du candidat et fourni par l'employeur (vehicleProvided)",
        params: { code: 'contradictory' },
      });
    }
  });

export type Vacancy = z.infer<typeof VacancySchema>;
export type VacancyInput = z.input<typeof VacancySchema>;
