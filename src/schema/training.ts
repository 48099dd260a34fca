import { z } from 'zod';
import { Code, FundingCode, Id, IsoDate, ShortText, TrainingAccess, boundedArray } from './primitives.js';
import { PlaceSchema } from './place.js';

export const TrainingSessionSchema = z
  .strictObject({
    id: Id,
    provider: ShortText.min(1),
    certification: Code,
    site: PlaceSchema,
    startDate: IsoDate,
    endDate: IsoDate,
    hours: z.number().finite().min(1).max(6000),
    seats: z.number().int().min(0).max(10_000).optional(),
    access: boundedArray(TrainingAccess, 5).min(1),
    funding: boundedArray(FundingCode, 12).min(1),
  })
  .superRefine((s, ctx) => {
    if (s.endDate < s.startDate) ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'doit être ≥ startDate',
        params: { code: 'invalid_range' },
      });
  });

export type TrainingSession = z.infer<typeof TrainingSessionSchema>;
export type TrainingSessionInput = z.input<typeof TrainingSessionSchema>;
